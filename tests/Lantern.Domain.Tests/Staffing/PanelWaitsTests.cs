using System.Globalization;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Xunit;

namespace Lantern.Domain.Tests.Staffing;

/// <summary>Panel waits on requests built by hand; every wait is worked out in the comments as the
/// working days after the request up to and including the decision (or today), skipping weekends and
/// the 2025 bank holidays (Good Friday 18 April, Easter Monday 21 April, 5 May, 26 May).</summary>
public class PanelWaitsTests
{
    private static readonly DateOnly Today = D("2025-06-30"); // a Monday

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static PanelDecision R(long id, PanelType panel, string requested, string? decided, PanelOutcome outcome) => new()
    {
        Id = id,
        ChildId = id * 10,
        Panel = panel,
        RequestDate = D(requested),
        DecisionDate = decided is null ? null : D(decided),
        Outcome = outcome,
    };

    private static PanelDecision[] Requests() =>
    [
        R(1, PanelType.LegalGateway, "2025-04-16", "2025-04-23", PanelOutcome.Approved),
        R(2, PanelType.LegalGateway, "2025-04-01", "2025-04-08", PanelOutcome.Declined),
        R(3, PanelType.LegalGateway, "2025-06-02", "2025-06-02", PanelOutcome.Deferred),
        R(4, PanelType.LegalGateway, "2025-06-16", null, PanelOutcome.Pending),
        R(5, PanelType.LegalGateway, "2025-03-31", "2025-04-02", PanelOutcome.Approved), // the day before the period
        R(6, PanelType.LegalGateway, "2025-07-01", null, PanelOutcome.Pending), // after today
        R(7, PanelType.LegalGateway, "2025-06-20", "2025-07-04", PanelOutcome.Approved), // decision dated after today
        R(11, PanelType.ResourceAndPlacement, "2025-05-01", "2025-05-09", PanelOutcome.Approved),
        R(12, PanelType.ResourceAndPlacement, "2025-05-23", "2025-05-30", PanelOutcome.Approved),
        R(13, PanelType.ResourceAndPlacement, "2025-06-30", null, PanelOutcome.Pending), // today, the period's last day
        R(14, PanelType.ResourceAndPlacement, "2025-05-03", "2025-05-06", PanelOutcome.Declined), // asked on a Saturday
        R(15, PanelType.ResourceAndPlacement, "2025-06-02", "2025-06-05", PanelOutcome.Approved),
    ];

    [Fact]
    public void Each_request_waits_working_days_to_its_decision_or_to_today()
    {
        var waits = PanelWaits.Waits(Requests(), Today).ToDictionary(w => w.RequestId);

        // Request 6 is dated after today: not counted.
        Assert.Equal([1L, 2, 3, 4, 5, 7, 11, 12, 13, 14, 15], waits.Keys.Order());

        // Wednesday 16 to Wednesday 23 April: 17, (18 Good Friday, 21 Easter Monday), 22, 23 = 3.
        Assert.Equal(new PanelWait(1, 10, PanelType.LegalGateway, D("2025-04-16"), D("2025-04-23"), PanelOutcome.Approved, 3, true), waits[1]);
        // Tuesday 1 to Tuesday 8 April: 2, 3, 4, 7, 8 = 5.
        Assert.Equal(5, waits[2].WorkingDaysWaiting);
        // Decided the day it was asked: 0; deferred is still a decision on the request.
        Assert.Equal((0, true), (waits[3].WorkingDaysWaiting, waits[3].Decided));
        // Pending since Monday 16 June: 17-20 (4), 23-27 (9), 30 (10) = 10.
        Assert.Equal(new PanelWait(4, 40, PanelType.LegalGateway, D("2025-06-16"), null, PanelOutcome.Pending, 10, false), waits[4]);
        // A decision dated 4 July is not made yet on 30 June: waiting since Friday 20 June: 23-27 (5), 30 (6) = 6.
        Assert.Equal((6, false), (waits[7].WorkingDaysWaiting, waits[7].Decided));
        // Thursday 1 to Friday 9 May: 2, (5 May bank holiday), 6, 7, 8, 9 = 5.
        Assert.Equal(5, waits[11].WorkingDaysWaiting);
        // Friday 23 to Friday 30 May: (26 May bank holiday), 27, 28, 29, 30 = 4.
        Assert.Equal(4, waits[12].WorkingDaysWaiting);
        // Asked today: 0 so far.
        Assert.Equal((0, false), (waits[13].WorkingDaysWaiting, waits[13].Decided));
        // Saturday 3 to Tuesday 6 May: (4 Sunday, 5 bank holiday), 6 = 1.
        Assert.Equal(1, waits[14].WorkingDaysWaiting);
        // Monday 2 to Thursday 5 June: 3, 4, 5 = 3.
        Assert.Equal(3, waits[15].WorkingDaysWaiting);
    }

    [Fact]
    public void Waits_are_listed_oldest_request_first()
    {
        // Request dates: 5 (31 March), 2 (1 April), 1 (16 April), 11 (1 May), 14 (3 May), 12 (23 May),
        // 3 and 15 (2 June, by id), 4 (16 June), 7 (20 June), 13 (30 June).
        Assert.Equal([5L, 2, 1, 11, 14, 12, 3, 15, 4, 7, 13], PanelWaits.Waits(Requests(), Today).Select(w => w.RequestId));
    }

    [Fact]
    public void Summary_covers_requests_made_in_the_period_per_panel_in_order_even_when_none()
    {
        var rows = PanelWaits.Summarise(Requests(), D("2025-04-01"), D("2025-06-30"), Today);

        PanelSummary[] expected =
        [
            // Legal gateway: requests 1, 2, 3, 4, 7 (5 is before the period, 6 after today). Decided 1, 2, 3
            // with waits 3, 5, 0: median 3, mean 8 / 3 = 2.67 -> 2.7. Pending 4 (10) and 7 (6): longest 10.
            new(PanelType.LegalGateway, 5, 3, 2, 3.0m, 2.7m, 10),
            // Resource and placement: requests 11, 12, 13, 14, 15. Decided waits 5, 4, 1, 3, sorted 1, 3, 4, 5:
            // median (3 + 4) / 2 = 3.5; mean 13 / 4 = 3.25 -> 3.3 (half away from zero). Pending 13 (0).
            new(PanelType.ResourceAndPlacement, 5, 4, 1, 3.5m, 3.3m, 0),
            // Edge of care: no requests, still a row.
            new(PanelType.EdgeOfCare, 0, 0, 0, null, null, null),
        ];
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void A_period_with_no_requests_has_a_row_of_zeros_for_every_panel()
    {
        var rows = PanelWaits.Summarise([], D("2025-04-01"), D("2025-06-30"), Today);

        Assert.Equal([PanelType.LegalGateway, PanelType.ResourceAndPlacement, PanelType.EdgeOfCare], rows.Select(r => r.Panel));
        Assert.All(rows, r => Assert.Equal(new PanelSummary(r.Panel, 0, 0, 0, null, null, null), r));
        Assert.Empty(PanelWaits.Waits([], Today));
        Assert.Throws<ArgumentException>(() => PanelWaits.Summarise([], D("2025-06-30"), D("2025-04-01"), Today));
    }

    [Fact]
    public void Panels_have_plain_english_names()
    {
        Assert.Equal("Legal gateway (pre-proceedings) panel", PanelWaits.Name(PanelType.LegalGateway));
        Assert.Equal("Resource and placement panel", PanelWaits.Name(PanelType.ResourceAndPlacement));
        Assert.Equal("Edge of care panel", PanelWaits.Name(PanelType.EdgeOfCare));
    }
}
