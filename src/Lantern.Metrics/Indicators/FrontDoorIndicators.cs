using Lantern.Domain.Clock;
using Lantern.Domain.Model;

namespace Lantern.Metrics.Indicators;

/// <summary>The front door: contacts, referrals, re-referrals and early help (domain reference 4.1, 4.2; T1).</summary>
public static class FrontDoorIndicators
{
    /// <summary>Referrals per 10,000 children: every referral in the year, counted per referral (CIN table C1).</summary>
    public static Indicator ReferralsPer10k { get; } = new(
        new IndicatorDefinition
        {
            Id = "referrals_per_10k",
            Title = "Referrals per 10,000 children",
            Definition = "Referrals received in the 12 months ending on the date, counted per referral (a child referred twice counts twice), per 10,000 children aged 0 to 17 in the area.",
            Formula = "referrals in the year ÷ children aged 0 to 17 × 10,000",
            Numerator = "Referrals in the year",
            Denominator = "Children aged 0 to 17 (ONS mid-year estimate)",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Per10k,
            Area = IndicatorArea.FrontDoor,
            Source = "Domain reference 4.1 and 4.2; CIN table C1",
        },
        static (c, sink) =>
        {
            foreach (var r in c.Data.Referrals)
            {
                if (c.InYear(r.ReferralDate))
                {
                    sink.Add(r.ChildId, 1, 0);
                }
            }
        });

    /// <summary>Re-referrals within 12 months (CIN table C1).</summary>
    public static Indicator RereferralsPercent { get; } = new(
        new IndicatorDefinition
        {
            Id = "rereferrals_12m_pct",
            Title = "Re-referrals within 12 months",
            Definition = "Of the referrals received in the 12 months ending on the date, the share where the child had a previous referral within the 12 months before this one.",
            Formula = "referrals in the year with a previous referral in the 12 months before ÷ referrals in the year × 100",
            Numerator = "Referrals in the year that were re-referrals",
            Denominator = "Referrals in the year",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.FrontDoor,
            Source = "Domain reference 4.2; CIN table C1",
        },
        static (c, sink) =>
        {
            foreach (var (child, referrals) in c.Index.ReferralsByChild)
            {
                for (var i = 0; i < referrals.Length; i++)
                {
                    var date = referrals[i].ReferralDate;
                    if (!c.InYear(date))
                    {
                        continue;
                    }

                    var again = i > 0 && referrals[i - 1].ReferralDate >= date.AddMonths(-12);
                    sink.Add(child, again ? 1 : 0, 1);
                }
            }
        });

    /// <summary>Contacts per 10,000 children: every contact received in the year.</summary>
    public static Indicator ContactsPer10k { get; } = new(
        new IndicatorDefinition
        {
            Id = "contacts_per_10k",
            Title = "Contacts per 10,000 children",
            Definition = "Contacts received at the front door in the 12 months ending on the date, counted per contact (a child with two contacts counts twice), per 10,000 children aged 0 to 17 in the area. The day of receipt is the date the contact was logged.",
            Formula = "contacts received in the year ÷ children aged 0 to 17 × 10,000",
            Numerator = "Contacts received in the year",
            Denominator = "Children aged 0 to 17 (ONS mid-year estimate)",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Per10k,
            Area = IndicatorArea.FrontDoor,
            Source = "Local measure; rate as domain reference 4.1",
        },
        static (c, sink) =>
        {
            foreach (var contact in c.Data.Contacts)
            {
                if (c.InYear(contact.ReceivedDate))
                {
                    sink.Add(contact.ChildId, 1, 0);
                }
            }
        });

    /// <summary>Contact decisions within one working day (T1).</summary>
    public static Indicator ContactsDecidedOnTime { get; } = new(
        new IndicatorDefinition
        {
            Id = "contacts_decided_1wd_pct",
            Title = "Contacts decided within one working day",
            Definition = "Of the contacts received in the 12 months ending on the date, the share decided within one working day of receipt (a contact received on a Friday is on time if decided by the end of Monday; weekends and England bank holidays are not working days). Contacts decided by the date count on time or late. Contacts still waiting for a decision on the date count as late once their working day has passed, and are left out while it has not. A decision recorded after the date counts as still waiting.",
            Formula = "contacts decided within 1 working day ÷ (contacts decided + contacts waiting past their working day) × 100",
            Numerator = "Contacts in the year decided within 1 working day of receipt",
            Denominator = "Contacts received in the year that were decided by the date or are waiting past their working day",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.FrontDoor,
            Source = "Working Together 2023 (domain reference 1.1, T1)",
        },
        static (c, sink) =>
        {
            var days = LocalStandards.Default.ContactDecisionWorkingDays;
            foreach (var contact in c.Data.Contacts)
            {
                var received = contact.ReceivedDate;
                if (!c.InYear(received))
                {
                    continue;
                }

                var due = StatutoryClock.DueDates.ContactDecisionDue(received, days);
                if (DecidedBy(contact, c.AsAt) is { } decided)
                {
                    sink.Add(contact.ChildId, decided <= due ? 1 : 0, 1);
                }
                else if (due < c.AsAt)
                {
                    sink.Add(contact.ChildId, 0, 1);
                }
            }
        });

    /// <summary>Conversion of contacts to referrals.</summary>
    public static Indicator ContactToReferral { get; } = new(
        new IndicatorDefinition
        {
            Id = "contact_to_referral_pct",
            Title = "Contacts that became referrals",
            Definition = "Of the contacts decided in the 12 months ending on the date, the share where the decision was a referral to children's social care or a strategy discussion. Contacts still waiting for a decision are left out. The date of the decision places the contact in the year.",
            Formula = "contacts decided in the year with outcome referral or strategy discussion ÷ contacts decided in the year × 100",
            Numerator = "Contacts decided in the year that went on to a referral or a strategy discussion",
            Denominator = "Contacts decided in the year",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.FrontDoor,
        },
        static (c, sink) =>
        {
            foreach (var contact in c.Data.Contacts)
            {
                if (DecidedBy(contact, c.AsAt) is { } decided && c.InYear(decided))
                {
                    var referred = contact.Outcome is ContactOutcome.Referral or ContactOutcome.StrategyDiscussion;
                    sink.Add(contact.ChildId, referred ? 1 : 0, 1);
                }
            }
        });

    /// <summary>The number of referrals in the year (CIN table C1).</summary>
    public static Indicator ReferralsCount { get; } = new(
        new IndicatorDefinition
        {
            Id = "referrals_count",
            Title = "Referrals",
            Definition = "Referrals received in the 12 months ending on the date, counted per referral (a child referred twice counts twice).",
            Formula = "referrals in the year",
            Numerator = "Referrals in the year",
            Denominator = "",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Count,
            Area = IndicatorArea.FrontDoor,
            Source = "Domain reference 4.2; CIN table C1",
        },
        static (c, sink) =>
        {
            foreach (var r in c.Data.Referrals)
            {
                if (c.InYear(r.ReferralDate))
                {
                    sink.Add(r.ChildId, 1, 0);
                }
            }
        });

    /// <summary>Referrals closed with no further action (CIN table C1).</summary>
    public static Indicator ReferralsNfa { get; } = new(
        new IndicatorDefinition
        {
            Id = "referrals_nfa_pct",
            Title = "Referrals with no further action",
            Definition = "Of the referrals received in the 12 months ending on the date, the share recorded as closed with no further action (the referral no further action flag of the children in need census, as recorded now).",
            Formula = "referrals in the year marked no further action ÷ referrals in the year × 100",
            Numerator = "Referrals in the year marked no further action",
            Denominator = "Referrals in the year",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.FrontDoor,
            Source = "Domain reference 4.2; CIN table C1",
        },
        static (c, sink) =>
        {
            foreach (var r in c.Data.Referrals)
            {
                if (c.InYear(r.ReferralDate))
                {
                    sink.Add(r.ChildId, r.NoFurtherAction ? 1 : 0, 1);
                }
            }
        });

    /// <summary>Early help episodes started per 10,000 children.</summary>
    public static Indicator EarlyHelpPer10k { get; } = new(
        new IndicatorDefinition
        {
            Id = "early_help_per_10k",
            Title = "Early help episodes started per 10,000 children",
            Definition = "Early help episodes that started in the 12 months ending on the date, counted per episode (including step-downs from social care), per 10,000 children aged 0 to 17 in the area.",
            Formula = "early help episodes started in the year ÷ children aged 0 to 17 × 10,000",
            Numerator = "Early help episodes started in the year",
            Denominator = "Children aged 0 to 17 (ONS mid-year estimate)",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Per10k,
            Area = IndicatorArea.EarlyHelp,
            Source = "Local measure; rate as domain reference 4.1",
        },
        static (c, sink) =>
        {
            foreach (var e in c.Data.EarlyHelp)
            {
                if (c.InYear(e.StartDate))
                {
                    sink.Add(e.ChildId, 1, 0);
                }
            }
        });

    /// <summary>Step-downs to early help followed by a new referral within six months.</summary>
    public static Indicator StepDownRereferred { get; } = new(
        new IndicatorDefinition
        {
            Id = "step_down_rereferred_6m_pct",
            Title = "Step-downs to early help re-referred within 6 months",
            Definition = "Of the early help episodes that began as a step-down from children's social care, with the step-down starting in the 12 months ending six months before the date (so every one has had six months to come back), the share where the child was referred to children's social care again after the step-down started and no more than six months after it. Counted per step-down. Step-downs from a protection plan to a child in need plan are not counted: the child's case stays open, so there is no new referral to measure.",
            Formula = "step-downs with a referral within 6 months after ÷ step-downs starting in the 12 months ending 6 months before the date × 100",
            Numerator = "Step-downs followed by a referral within 6 months",
            Denominator = "Step-downs to early help starting in the 12 months ending 6 months before the date",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.EarlyHelp,
        },
        static (c, sink) =>
        {
            var windowEnd = c.AsAt.AddMonths(-6);
            var windowStart = windowEnd.AddYears(-1).AddDays(1);
            var referrals = c.Index.ReferralsByChild;
            foreach (var e in c.Data.EarlyHelp)
            {
                if (!e.IsStepDown || e.StartDate < windowStart || e.StartDate > windowEnd)
                {
                    continue;
                }

                var back = false;
                if (referrals.TryGetValue(e.ChildId, out var list))
                {
                    var until = e.StartDate.AddMonths(6);
                    foreach (var r in list)
                    {
                        if (r.ReferralDate > e.StartDate && r.ReferralDate <= until && r.ReferralDate <= c.AsAt)
                        {
                            back = true;
                            break;
                        }
                    }
                }

                sink.Add(e.ChildId, back ? 1 : 0, 1);
            }
        });

    public static IReadOnlyList<Indicator> All { get; } =
        [ContactsPer10k, ContactsDecidedOnTime, ReferralsCount, ReferralsPer10k, RereferralsPercent, ContactToReferral, ReferralsNfa, EarlyHelpPer10k, StepDownRereferred];

    /// <summary>The day a contact was decided, if it had been decided by <paramref name="asAt"/>.</summary>
    private static DateOnly? DecidedBy(Contact contact, DateOnly asAt) =>
        contact.DecidedAt is { } at && DateOnly.FromDateTime(at) is var day && day <= asAt ? day : null;
}
