using Lantern.Domain.Calendar;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;

namespace Lantern.Metrics.Indicators;

/// <summary>Care proceedings, pre-proceedings, allegations against people who work with children
/// (LADO) and private fostering (domain reference 1.4).</summary>
public static class CourtAndCommunityIndicators
{
    /// <summary>Care proceedings concluded within 26 weeks (T29).</summary>
    public static Indicator ProceedingsWithin26Weeks { get; } = new(
        new IndicatorDefinition
        {
            Id = "proceedings_26w_pct",
            Title = "Care proceedings concluded within 26 weeks",
            Definition = "Of the care and supervision proceedings concluded (final hearing) in the 12 months ending on the date, the share concluded within 26 weeks (182 days) of being issued. Extensions granted by the court do not count: the measure is against the 26 weeks the Children Act 1989 sets, so proceedings concluded within an extension count as over 26 weeks.",
            Formula = "proceedings concluded in the year within 26 weeks of issue ÷ proceedings concluded in the year × 100",
            Numerator = "Proceedings concluded in the year within 26 weeks of issue",
            Denominator = "Proceedings concluded in the year",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Proceedings,
            Source = "Domain reference 1.4 T29 (Children Act 1989 s32(1)(a)(ii))",
        },
        static (c, sink) =>
        {
            foreach (var p in c.Data.CareProceedings)
            {
                if (p.FinalHearingDate is { } final && c.InYear(final))
                {
                    var due = StatutoryClock.DueDates.ProceedingsDue(p.IssueDate, extensionWeeks: 0);
                    sink.Add(p.ChildId, final <= due ? 1 : 0, 1);
                }
            }
        });

    /// <summary>Children in pre-proceedings on the date.</summary>
    public static Indicator PreProceedingsCount { get; } = new(
        new IndicatorDefinition
        {
            Id = "pre_proceedings_count",
            Title = "Children in pre-proceedings",
            Definition = "Children in pre-proceedings under the Public Law Outline on the date: the letter before proceedings was on or before the date and the pre-proceedings had not ended by it. A child is counted once.",
            Formula = "children in pre-proceedings on the date",
            Numerator = "Children in pre-proceedings on the date",
            Denominator = "",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Count,
            Area = IndicatorArea.Proceedings,
            Source = "Local measure (Public Law Outline)",
        },
        static (c, sink) =>
        {
            var counted = new HashSet<long>();
            foreach (var p in c.Data.PreProceedings)
            {
                if (c.OpenOnDate(p.StartDate, p.EndDate) && counted.Add(p.ChildId))
                {
                    sink.Add(p.ChildId, 1, 0);
                }
            }
        });

    /// <summary>Allegations resolved within 1 month (T31).</summary>
    public static Indicator AllegationsResolved1Month { get; } = AllegationsResolved(1, "80%");

    /// <summary>Allegations resolved within 3 months (T31).</summary>
    public static Indicator AllegationsResolved3Months { get; } = AllegationsResolved(3, "90%");

    /// <summary>Allegations resolved within 12 months (T31).</summary>
    public static Indicator AllegationsResolved12Months { get; } = AllegationsResolved(12, "all but exceptional cases");

    /// <summary>Private fostering visits on time (T25, T26).</summary>
    public static Indicator PrivateFosteringVisits { get; } = new(
        new IndicatorDefinition
        {
            Id = "private_fostering_visits_pct",
            Title = "Private fostering arrangements visited on time",
            Definition = "Of the private fostering arrangements open on the date that had been running for at least 6 weeks (from when the arrangement began or, if later, when the council was notified), the share where every visit due in the 12 months ending on the date was made on time and no visit was overdue on the date. The first visit is due within 7 working days of the notification (weekends and bank holidays are not working days); after that, within 6 weeks of the last visit during the arrangement's first year and within 12 weeks after that. Only private fostering visits where the child was seen count.",
            Formula = "arrangements open 6 weeks or more with visits on time ÷ arrangements open 6 weeks or more × 100",
            Numerator = "Arrangements whose visits in the year were on time",
            Denominator = "Private fostering arrangements open on the date for 6 weeks or more",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.PrivateFostering,
            Source = "Domain reference 1.4 T25 and T26 (PF Regs 2005 regs 4, 7 and 8)",
        },
        static (c, sink) =>
        {
            var sixWeeks = c.AsAt.AddDays(-42);
            var open = new List<PrivateFosteringArrangement>();
            var visits = new Dictionary<long, List<DateOnly>>();
            foreach (var pf in c.Data.PrivateFostering)
            {
                if (c.OpenOnDate(pf.NotificationDate, pf.EndDate) && Began(pf) <= sixWeeks)
                {
                    open.Add(pf);
                    visits.TryAdd(pf.ChildId, []);
                }
            }

            // One pass over the visits for those children's seen private fostering visits.
            foreach (var v in c.Data.Visits)
            {
                if (v.Kind == VisitKind.PrivateFostering && v.ChildSeen && v.Date <= c.AsAt && visits.TryGetValue(v.ChildId, out var list))
                {
                    list.Add(v.Date);
                }
            }

            var sorted = new Dictionary<long, DateOnly[]>(visits.Count);
            foreach (var (child, list) in visits)
            {
                sorted[child] = [.. list.Order().Distinct()];
            }

            foreach (var pf in open)
            {
                var began = Began(pf);
                var onTime = LookedAfterIndicators.ChainOnTime(pf.NotificationDate, sorted[pf.ChildId], c.YearStart, c.AsAt, (i, previous) => i == 0
                    ? FirstVisitDue(previous)
                    : StatutoryClock.DueDates.NextPrivateFosteringVisitDue(previous, began));
                sink.Add(pf.ChildId, onTime ? 1 : 0, 1);
            }
        });

    public static IReadOnlyList<Indicator> All { get; } =
    [
        ProceedingsWithin26Weeks, PreProceedingsCount,
        AllegationsResolved1Month, AllegationsResolved3Months, AllegationsResolved12Months,
        PrivateFosteringVisits,
    ];

    private static Indicator AllegationsResolved(int months, string target) => new(
        new IndicatorDefinition
        {
            Id = $"allegations_resolved_{months}m_pct",
            Title = months == 1 ? "Allegations resolved within 1 month" : $"Allegations resolved within {months} months",
            Definition = $"Of the allegations against people who work with children (managed by the LADO) resolved in the 12 months ending on the date, the share resolved within {(months == 1 ? "1 month" : $"{months} months")} of being received (on or before the same day of the month {(months == 1 ? "1 month" : $"{months} months")} later). The historic target is {target}. Each allegation counts once.",
            Formula = $"allegations resolved in the year within {months} month{(months == 1 ? "" : "s")} of receipt ÷ allegations resolved in the year × 100",
            Numerator = $"Allegations resolved in the year within {months} month{(months == 1 ? "" : "s")}",
            Denominator = "Allegations resolved in the year",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.Allegations,
            Subject = SubjectKind.Allegation,
            Source = "Domain reference 1.4 T31",
        },
        (c, sink) =>
        {
            foreach (var a in c.Data.Allegations)
            {
                if (a.ResolvedDate is { } resolved && c.InYear(resolved))
                {
                    sink.Add(a.Id, resolved <= a.ReceivedDate.AddMonths(months) ? 1 : 0, 1);
                }
            }
        });

    // Regulation 8 counts from when the arrangement began or, if later, when the council was notified.
    private static DateOnly Began(PrivateFosteringArrangement pf) => pf.StartDate > pf.NotificationDate ? pf.StartDate : pf.NotificationDate;

    // T25, with a calendar fallback for a notification before the working-day calendar.
    private static DateOnly FirstVisitDue(DateOnly notification) =>
        notification >= EnglandBankHolidays.FirstDate
            ? StatutoryClock.DueDates.PrivateFosteringFirstVisitDue(notification)
            : notification.AddDays(7);
}
