using System.Data;
using System.Globalization;
using System.Text;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Sylvan.Data.Csv;

namespace Lantern.Returns.Workforce;

/// <summary>
/// The children's social work workforce census (DfE COLLECT "CSWW") as at 30 September, as CSV.
/// <para>The worker file has one row per social worker in the census (<see cref="WorkforceCensus.InScope"/>)
/// who was in post on 30 September or left in the year before it (1 October to 30 September); starters are
/// the rows whose RoleStartDate falls in the year. Columns carry the COLLECT item names in the COLLECT order,
/// with Lantern's staff id first and whether the worker was in their assessed and supported year (ASYE)
/// last. Items Lantern does not record (date of birth, sex, ethnicity, qualification, Step Up and Frontline,
/// where a leaver went and why, agency contract weeks, pay) are present and blank, so the file lines up with
/// the collection; <see cref="NotRecorded"/> names them.</para>
/// <para>The authority-level items (vacancies and the agency workers covering them) are a second CSV, not a
/// block in the first, so each file is one table a program can read: write it by passing a second stream.</para>
/// </summary>
public static class WorkforceCensusExport
{
    /// <summary>COLLECT items Lantern does not record: blank in every row.</summary>
    public static IReadOnlyList<string> NotRecorded { get; } =
        ["PersonBirthDate", "Sex", "Ethnicity", "QualLevel", "StepUpGrad", "LeaverDestination", "ReasonLeave", "ContractWeeks", "FrontlineGrad", "BaseSalary", "RRPayments", "OtherPayments"];

    public static IReadOnlyList<string> WorkerColumns { get; } =
    [
        "StaffId", "SWENo", "AgencyWorker", "FTE", "PersonBirthDate", "Sex", "Ethnicity", "QualLevel", "StepUpGrad", "OrgRole",
        "RoleStartDate", "StartOrigin", "RoleEndDate", "LeaverDestination", "ReasonLeave", "FTE30", "Cases30", "WorkingDaysLost",
        "ContractWeeks", "FrontlineGrad", "Absat30Sept", "ReasonAbsence", "BaseSalary", "RRPayments", "OtherPayments", "ASYE",
    ];

    public static IReadOnlyList<string> AuthorityColumns { get; } =
    [
        "ReferenceDate", "NumberOfVacancies", "NoAgencyFTE", "NoAgencyHeadcount", "EmployedFTE", "AgencyFTE", "Headcount",
        "LeaverFTE", "CasesHeld", "CaseHoldingFTE", "TurnoverRate", "AgencyRate", "VacancyRate", "Caseload", "AbsenceRate",
    ];

    /// <summary>Null when <paramref name="asAt"/> is a census date (30 September), otherwise the message to show.</summary>
    public static string? CheckDate(DateOnly asAt) =>
        asAt.Month == 9 && asAt.Day == 30
            ? null
            : string.Create(
                CultureInfo.InvariantCulture,
                $"The workforce census is taken on 30 September: {asAt:d MMMM yyyy} is not a 30 September. Enter 30 September of the census year, for example {(asAt.Month >= 10 ? asAt.Year : asAt.Year - 1)}-09-30.");

    /// <summary>Writes the worker file to <paramref name="output"/> and, when given, the authority-level
    /// file to <paramref name="authorityOutput"/> (UTF-8, no byte-order mark, CRLF line ends).</summary>
    /// <exception cref="ArgumentException"><paramref name="asAt"/> is not a 30 September (nothing is written).</exception>
    public static ExportResult Write(AuthorityData data, DateOnly asAt, Stream output, Stream? authorityOutput = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        if (CheckDate(asAt) is { } problem)
        {
            throw new ArgumentException(problem, nameof(asAt));
        }

        var yearStart = asAt.AddYears(-1).AddDays(1);
        var census = WorkforceCensus.On(asAt, data.Teams, data.Workers, data.Allocations, data.WorkerAbsences);
        var workers = data.Workers
            .Where(w => WorkforceCensus.InScope(w) && w.StartDate <= asAt && (w.IsInPost(asAt) || (w.LeftDate is { } left && left >= yearStart)))
            .OrderBy(w => w.StaffId, StringComparer.Ordinal).ThenBy(w => w.Id)
            .ToList();
        var scoped = workers.Select(w => w.Id).ToHashSet();
        var cases = data.Allocations
            .Where(a => scoped.Contains(a.WorkerId) && a.StartDate <= asAt && (a.EndDate is null || a.EndDate > asAt))
            .GroupBy(a => a.WorkerId).ToDictionary(g => g.Key, g => g.Count());
        var absences = data.WorkerAbsences.Where(a => scoped.Contains(a.WorkerId)).GroupBy(a => a.WorkerId).ToDictionary(g => g.Key, g => g.ToList());

        using var table = new DataTable("Workers") { Locale = CultureInfo.InvariantCulture };
        foreach (var column in WorkerColumns)
        {
            table.Columns.Add(column, typeof(string));
        }

        int inPost = 0, starters = 0, leavers = 0;
        foreach (var w in workers)
        {
            var employed = w.Employment == EmploymentType.Employed;
            var here = w.IsInPost(asAt);
            var ended = w.LeftDate is { } l && l <= asAt ? l : (DateOnly?)null;
            var theirs = absences.GetValueOrDefault(w.Id) ?? [];
            var away = here ? theirs.Where(a => a.StartDate <= asAt && a.EndDate >= asAt).OrderBy(a => a.Kind).FirstOrDefault() : null;
            inPost += here ? 1 : 0;
            starters += w.StartDate >= yearStart ? 1 : 0;
            leavers += ended is null ? 0 : 1;

            var row = table.NewRow();
            row["StaffId"] = w.StaffId;
            row["SWENo"] = w.Registration?.Trim();
            row["AgencyWorker"] = employed ? "0" : "1";
            row["FTE"] = Fte(w.Fte);
            row["OrgRole"] = OrgRole(w.Role);
            row["RoleStartDate"] = Date(w.StartDate);
            row["StartOrigin"] = w.AsyeEndDate is { } asye && asye > w.StartDate ? "1" : null;
            row["RoleEndDate"] = ended is { } end ? Date(end) : null;
            row["FTE30"] = here ? Fte(w.Fte) : null;
            row["Cases30"] = here ? cases.GetValueOrDefault(w.Id).ToString(CultureInfo.InvariantCulture) : null;
            row["WorkingDaysLost"] = here && employed ? SicknessDays(w, theirs, yearStart, asAt).ToString("0.00", CultureInfo.InvariantCulture) : null;
            row["Absat30Sept"] = here ? (away is null ? "0" : "1") : null;
            row["ReasonAbsence"] = away is null ? null : away.Kind == AbsenceKind.Sickness ? "SIC" : "OTH";
            row["ASYE"] = w.IsAsyeOn(ended ?? asAt) ? "1" : "0";
            table.Rows.Add(row);
        }

        WriteCsv(table, output);

        if (authorityOutput is not null)
        {
            using var authority = new DataTable("Authority") { Locale = CultureInfo.InvariantCulture };
            foreach (var column in AuthorityColumns)
            {
                authority.Columns.Add(column, typeof(string));
            }

            authority.Rows.Add(
                Date(asAt), Decimal(census.VacancyFte), Decimal(census.AgencyCoveringVacanciesFte), null, Decimal(census.EmployedFte),
                Decimal(census.AgencyFte), census.Headcount.ToString(CultureInfo.InvariantCulture), Decimal(census.LeaverFte),
                census.CasesHeld.ToString(CultureInfo.InvariantCulture), Decimal(census.CaseHoldingFte), Rate(census.TurnoverRate),
                Rate(census.AgencyRate), Rate(census.VacancyRate), Rate(census.Caseload), Rate(census.AbsenceRate));
            WriteCsv(authority, authorityOutput);
        }

        return new ExportResult(
            0,
            [new("Workers", workers.Count), new("In post", inPost), new("Starters", starters), new("Leavers", leavers)],
            []);
    }

    /// <summary>COLLECT OrgRole: 1 senior manager, 2 middle manager, 3 first line manager, 4 senior
    /// practitioner, 5 case holder, 6 qualified without cases (reviewing officers and allegations officers).</summary>
    public static string? OrgRole(WorkerRole role) => role switch
    {
        WorkerRole.HeadOfService or WorkerRole.Director => "1",
        WorkerRole.ServiceManager => "2",
        WorkerRole.TeamManager => "3",
        WorkerRole.AdvancedPractitioner => "4",
        WorkerRole.SocialWorker => "5",
        WorkerRole.IndependentReviewingOfficer or WorkerRole.Lado => "6",
        _ => null,
    };

    /// <summary>Working days lost to sickness in the census year while in post, as the census counts them
    /// (<see cref="WorkforceCensus.WorkingDaysIn"/>); not weighted by FTE: the DfE weights them.</summary>
    private static int SicknessDays(Worker w, List<WorkerAbsence> absences, DateOnly yearStart, DateOnly asAt)
    {
        var days = 0;
        foreach (var a in absences.Where(a => a.Kind == AbsenceKind.Sickness))
        {
            var from = new[] { a.StartDate, yearStart, w.StartDate }.Max();
            var to = a.EndDate < asAt ? a.EndDate : asAt;
            days += WorkforceCensus.WorkingDaysIn(from, to);
        }

        return days;
    }

    private static void WriteCsv(DataTable table, Stream output)
    {
        using var text = new StreamWriter(output, new UTF8Encoding(false), 65536, leaveOpen: true);
        using (var reader = table.CreateDataReader())
        using (var csv = CsvDataWriter.Create(text, new CsvDataWriterOptions { NewLine = "\r\n", Culture = CultureInfo.InvariantCulture }))
        {
            csv.Write(reader);
        }

        text.Flush();
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Fte(decimal fte) => fte.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Decimal(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string? Rate(decimal? value) => value?.ToString("0.0", CultureInfo.InvariantCulture);
}
