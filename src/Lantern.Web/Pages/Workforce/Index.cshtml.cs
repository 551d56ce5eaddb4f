using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Workforce;

/// <summary>The workforce dashboard. For the person's scope (their team and the people they manage,
/// their service, or every team): caseloads and their distribution, supervision and management
/// oversight in time, children with three or more changes of worker. For the council, over time:
/// agency share and turnover at each census date, personal supervision in time and unallocated
/// children at each month end, and panel waiting times by quarter. Every chart has its figures in a
/// table under it, and each figure links to the list behind it.</summary>
[RequirePermission(Permission.ViewTeamWork)]
public sealed class IndexModel(LanternDbContext db, LanternDataOptions options, WorkLists lists, WorkforceLists workforce, ChildAccessService access, ChildRecordCache records, AuditWriter audit) : PageModel
{
    public DateOnly Today => options.Today;

    public string ScopeName { get; private set; } = "";

    public TeamFilter Filter { get; private set; } = null!;

    public WorkforceStandards Standards { get; private set; } = WorkforceStandards.Default;

    public IReadOnlyList<CaseloadRow> Caseloads { get; private set; } = [];

    public WorkforceSnapshot Snapshot { get; private set; } = null!;

    public WorkforceHistory History { get; private set; } = null!;

    public decimal? AverageCaseload { get; private set; }

    public IReadOnlyList<Chart> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] string? team, CancellationToken cancellationToken)
    {
        if (await lists.ChooseAsync(User, team, cancellationToken) is not { } choice)
        {
            return NotFound();
        }

        ScopeName = choice.Name;
        Filter = new TeamFilter(choice.Scope, choice.TeamId, "/workforce");
        Standards = await WorkforceLists.StandardsAsync(db, cancellationToken);
        var directory = await access.DirectoryAsync(cancellationToken);
        Caseloads = await CaseloadsModel.RowsAsync(lists, records, choice.Scope, directory, Today, Standards.Weights, cancellationToken);
        Snapshot = await workforce.ForAsync(choice.Scope, Standards, cancellationToken);
        History = await workforce.HistoryAsync(Standards, cancellationToken);
        var fte = Caseloads.Sum(r => r.Fte);
        AverageCaseload = fte == 0 ? null : Math.Round(Caseloads.Sum(r => r.Load.Children) / fte, 1, MidpointRounding.AwayFromZero);
        Charts = BuildCharts();
        await audit.WriteAsync(AuditAction.Search, true, detail: string.Create(CultureInfo.InvariantCulture, $"workforce dashboard ({(choice.TeamId is { } t ? "team " + t.ToString(CultureInfo.InvariantCulture) : "all in scope")})"), cancellationToken: cancellationToken);
        return Page();
    }

    private List<Chart> BuildCharts()
    {
        var month = (DateOnly d) => d.ToString("MMM yyyy", CultureInfo.InvariantCulture);
        var census = History.Census;
        return
        [
            new Chart(
                "caseload-chart",
                $"Case-holding workers by children allocated, {ScopeName}",
                [.. CaseloadsModel.Bands.Select(b => b.Label.Replace(" children", "", StringComparison.Ordinal))],
                [new ChartSeries("Workers", [.. CaseloadsModel.Bands.Select(b => (decimal?)Caseloads.Count(r => r.Load.Children >= b.From && r.Load.Children <= b.To))])],
                CategoryName: "Children allocated"),
            new Chart(
                "agency-turnover-chart",
                "Agency share and turnover of social workers at 30 September, the council",
                [.. census.Select(c => c.AsAt.Year.ToString(CultureInfo.InvariantCulture))],
                [new ChartSeries("Agency share", [.. census.Select(c => c.AgencyRate)]), new ChartSeries("Turnover", [.. census.Select(c => c.TurnoverRate)]), new ChartSeries("Vacancy rate", [.. census.Select(c => c.VacancyRate)])],
                "%",
                "Year"),
            new Chart(
                "supervision-chart",
                "Personal supervision in time at each month end, the council",
                [.. History.Months.Select(month)],
                [new ChartSeries("In time", History.PersonalInTime)],
                "%",
                "Month end"),
            new Chart(
                "unallocated-chart",
                "Unallocated children at each month end, the council",
                [.. History.Months.Select(month)],
                [new ChartSeries("Unallocated children", [.. History.Unallocated.Select(u => (decimal?)u)])],
                CategoryName: "Month end"),
            new Chart(
                "panel-chart",
                "Median working days from panel request to decision, by quarter requested, the council",
                [.. History.Quarters.Select(q => $"Q{((q.Month - 1) / 3) + 1} {q.Year}")],
                [.. Enum.GetValues<PanelType>().Select(p => new ChartSeries(PanelWaits.Name(p), History.PanelMedians[p]))],
                " days",
                "Quarter"),
        ];
    }
}
