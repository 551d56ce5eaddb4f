using System.Globalization;
using System.Text;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Returns.Tests.AnnexA;
using Lantern.Returns.Workforce;
using Lantern.Synthetic;
using Sylvan.Data.Csv;
using Xunit;

namespace Lantern.Returns.Tests.Workforce;

/// <summary>The workforce census files as at 30 September 2025 (the year is 1 October 2024 to 30
/// September 2025), with hand-built workers.</summary>
public sealed class WorkforceCensusExportTests
{
    private static readonly DateOnly AsAt = new(2025, 9, 30);

    // The DfE COLLECT worker items in COLLECT order, with Lantern's staff id first and ASYE last.
    private static readonly string[] Columns =
    [
        "StaffId", "SWENo", "AgencyWorker", "FTE", "PersonBirthDate", "Sex", "Ethnicity", "QualLevel", "StepUpGrad", "OrgRole",
        "RoleStartDate", "StartOrigin", "RoleEndDate", "LeaverDestination", "ReasonLeave", "FTE30", "Cases30", "WorkingDaysLost",
        "ContractWeeks", "FrontlineGrad", "Absat30Sept", "ReasonAbsence", "BaseSalary", "RRPayments", "OtherPayments", "ASYE",
    ];

    [Theory]
    [InlineData(2025, 9, 29, "29 September 2025 is not a 30 September", "2024-09-30")]
    [InlineData(2025, 10, 1, "1 October 2025 is not a 30 September", "2025-09-30")]
    [InlineData(2025, 3, 31, "31 March 2025 is not a 30 September", "2024-09-30")]
    public void A_date_that_is_not_30_September_is_refused_and_nothing_is_written(int year, int month, int day, string message, string suggestion)
    {
        var a = Scenario();
        using var output = new MemoryStream();
        using var authority = new MemoryStream();

        var refused = Assert.Throws<ArgumentException>(() => WorkforceCensusExport.Write(a.Data, new DateOnly(year, month, day), output, authority));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Contains("The workforce census is taken on 30 September", refused.Message, StringComparison.Ordinal);
        Assert.Contains(suggestion, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
        Assert.Equal(0, authority.Length);
    }

    [Fact]
    public void The_worker_file_has_the_collect_items_as_columns()
    {
        var (header, _) = Read(WriteWorkers(Scenario()));

        Assert.Equal(Columns, header);
    }

    [Fact]
    public void One_row_per_social_worker_in_post_or_leaving_in_the_year_and_nobody_else()
    {
        var (_, rows) = Read(WriteWorkers(Scenario()));

        Assert.Equal(["AG002", "LV005", "NQ004", "SW001", "TM003"], rows.Select(r => r["StaffId"]));
    }

    [Fact]
    public void An_employed_social_worker_has_cases_held_on_the_date_and_sickness_days_lost_in_the_year()
    {
        var (_, rows) = Read(WriteWorkers(Scenario()));

        var row = rows.Single(r => r["StaffId"] == "SW001");
        Assert.Equal(
            ["SW001", "SW001123", "0", "1", "", "", "", "", "", "5", "05/01/2015", "", "", "", "", "1", "3", "5.00", "", "", "0", "", "", "", "", "0"],
            Columns.Select(c => row[c]));
    }

    [Fact]
    public void Agency_workers_starters_leavers_absences_and_asye_are_shown_as_the_census_asks()
    {
        var (_, rows) = Read(WriteWorkers(Scenario()));
        var byId = rows.ToDictionary(r => r["StaffId"]);

        Assert.Equal(("1", "0.8", "06/01/2025", "2", ""), (byId["AG002"]["AgencyWorker"], byId["AG002"]["FTE30"], byId["AG002"]["RoleStartDate"], byId["AG002"]["Cases30"], byId["AG002"]["WorkingDaysLost"]));
        Assert.Equal(("31/05/2025", "", "", ""), (byId["LV005"]["RoleEndDate"], byId["LV005"]["FTE30"], byId["LV005"]["Cases30"], byId["LV005"]["Absat30Sept"]));
        Assert.Equal(("1", "1", "5"), (byId["NQ004"]["StartOrigin"], byId["NQ004"]["ASYE"], byId["NQ004"]["OrgRole"]));
        Assert.Equal(("3", "1", "OTH", "0.00"), (byId["TM003"]["OrgRole"], byId["TM003"]["Absat30Sept"], byId["TM003"]["ReasonAbsence"], byId["TM003"]["WorkingDaysLost"]));
    }

    [Fact]
    public void The_authority_file_has_the_vacancies_and_the_agency_cover_the_census_computes()
    {
        var a = Scenario();
        using var workers = new MemoryStream();
        using var authority = new MemoryStream();

        var result = WorkforceCensusExport.Write(a.Data, AsAt, workers, authority);

        var (header, rows) = Read(authority.ToArray());
        Assert.Equal(["ReferenceDate", "NumberOfVacancies", "NoAgencyFTE", "NoAgencyHeadcount"], header.Take(4));
        var row = Assert.Single(rows);
        Assert.Equal(("30/09/2025", "2.00", "0.80", ""), (row["ReferenceDate"], row["NumberOfVacancies"], row["NoAgencyFTE"], row["NoAgencyHeadcount"]));
        Assert.Equal(("3.00", "0.80", "3", "40.0"), (row["EmployedFTE"], row["AgencyFTE"], row["Headcount"], row["VacancyRate"]));
        Assert.Equal(
            [new("Workers", 5), new("In post", 4), new("Starters", 2), new("Leavers", 1)],
            result.Counts);
    }

    [Fact]
    public void The_rows_add_up_to_the_census_measures_of_a_synthetic_authority()
    {
        var data = SyntheticAuthority.Generate(new GeneratorOptions { Population = 3000, From = new DateOnly(2023, 4, 1), To = new DateOnly(2026, 3, 31), Defects = false }).Data;
        var census = WorkforceCensus.On(AsAt, data.Teams, data.Workers, data.Allocations, data.WorkerAbsences);

        var (_, rows) = Read(WriteWorkers(data));

        var inPost = rows.Where(r => r["FTE30"].Length > 0).ToList();
        Assert.NotEmpty(inPost);
        Assert.Equal(census.Headcount, inPost.Count(r => r["AgencyWorker"] == "0"));
        Assert.Equal(census.CasesHeld, inPost.Where(r => r["OrgRole"] is "4" or "5").Sum(r => int.Parse(r["Cases30"], CultureInfo.InvariantCulture)));
        Assert.Equal(census.WorkingDaysLost, inPost.Where(r => r["AgencyWorker"] == "0").Sum(r => decimal.Parse(r["WorkingDaysLost"], CultureInfo.InvariantCulture) * decimal.Parse(r["FTE30"], CultureInfo.InvariantCulture)));
    }

    private static TestAuthority Scenario()
    {
        var a = new TestAuthority();
        var team = a.SocialWorkTeam;
        var child = a.Child("C1", new DateOnly(2015, 1, 1));
        var sw = a.SocialWorker; // SW001, employed since 2015
        a.Allocate(child, sw, AsAt.AddMonths(-6));
        a.Allocate(a.Child("C2", new DateOnly(2016, 1, 1)), sw, AsAt.AddMonths(-2));
        a.Allocate(a.Child("C3", new DateOnly(2017, 1, 1)), sw, AsAt); // handed over today: counts for the new worker
        a.Allocate(a.Child("C4", new DateOnly(2017, 1, 1)), sw, AsAt.AddMonths(-3), AsAt); // handed on today: not theirs
        a.Allocate(a.Child("C5", new DateOnly(2017, 1, 1)), sw, AsAt.AddMonths(-3), AsAt.AddDays(-1));
        a.Absence(sw, new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 5));   // Monday to Wednesday: 3 days
        a.Absence(sw, new DateOnly(2024, 9, 20), new DateOnly(2024, 10, 2)); // 1 and 2 October are in the year: 2 days
        a.Absence(sw, new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 15), AbsenceKind.AnnualLeave);

        var agency = a.Worker("AG002", "Dee", "Mensah", team, employment: EmploymentType.Agency, fte: 0.8m, start: new DateOnly(2025, 1, 6));
        a.Allocate(a.Child("C6", new DateOnly(2018, 1, 1)), agency, AsAt.AddMonths(-1));
        a.Allocate(a.Child("C7", new DateOnly(2018, 1, 1)), agency, AsAt.AddMonths(-1));
        var manager = a.Worker("TM003", "Sam", "Reed", team, WorkerRole.TeamManager);
        a.Absence(manager, AsAt.AddDays(-2), AsAt.AddDays(5), AbsenceKind.AnnualLeave);
        a.Worker("NQ004", "Kit", "Lam", team, start: new DateOnly(2025, 2, 3), asyeEnd: new DateOnly(2026, 2, 2));
        var leaver = a.Worker("LV005", "Jo", "Hart", a.Team("Assessment 1"), start: new DateOnly(2020, 1, 6), left: new DateOnly(2025, 5, 31));
        a.Allocate(a.Child("C8", new DateOnly(2018, 1, 1)), leaver, new DateOnly(2025, 1, 1), new DateOnly(2025, 5, 31));
        a.Worker("OLD06", "Al", "Gone", team, start: new DateOnly(2019, 1, 7), left: new DateOnly(2024, 8, 31));
        a.Worker("BS007", "Pat", "Desk", team, WorkerRole.BusinessSupport, registration: null);
        a.Worker("UNR08", "Lee", "Ward", team, registration: null);
        a.Worker("PA009", "Max", "Page", team, WorkerRole.PersonalAdviser, registration: null);
        a.Worker("FUT10", "Ola", "Soon", team, start: new DateOnly(2025, 10, 6));
        return a;
    }

    private static byte[] WriteWorkers(TestAuthority a) => WriteWorkers(a.Data);

    private static byte[] WriteWorkers(AuthorityData data)
    {
        using var output = new MemoryStream();
        WorkforceCensusExport.Write(data, AsAt, output);
        return output.ToArray();
    }

    private static (List<string> Header, List<Dictionary<string, string>> Rows) Read(byte[] csv)
    {
        Assert.False(csv.Length >= 3 && csv[0] == 0xEF && csv[1] == 0xBB && csv[2] == 0xBF, "The CSV starts with a byte-order mark.");
        using var reader = CsvDataReader.Create(new StringReader(Encoding.UTF8.GetString(csv)));
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.Select((h, i) => (h, v: reader.GetString(i))).ToDictionary(x => x.h, x => x.v));
        }

        return (header, rows);
    }
}
