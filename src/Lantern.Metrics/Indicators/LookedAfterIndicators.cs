using System.Runtime.CompilerServices;
using Lantern.Domain.Calendar;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;

namespace Lantern.Metrics.Indicators;

/// <summary>Children looked after, care leavers and adoption (domain reference 4.9 to 4.13).</summary>
/// <remarks>
/// <para>Looked after on a date: an episode that is not a short break (legal status V3 or V4) started on
/// or before the date and had not ended by it (its end date is after the date), exactly as
/// <see cref="HeadlineStats"/> counts children looked after.</para>
/// <para>A period of care runs back from an episode through the episodes before it that ended on the
/// day the next began (SSDA903 X1), to the one that started it (reason for new episode S). A placement
/// with the same carers runs back through changes that kept the carers (reasons L, T and U), as in the
/// statutory clock.</para>
/// </remarks>
public static class LookedAfterIndicators
{
    /// <summary>Children looked after on the date (domain reference 4.9).</summary>
    public static Indicator ClaCount { get; } = new(
        new IndicatorDefinition
        {
            Id = "cla_count",
            Title = "Children looked after",
            Definition = "Children looked after on the date: an episode of care had started on or before the date and had not ended by it. Children only on an agreed series of short breaks (legal status V3 or V4) are not counted.",
            Formula = "children looked after on the date",
            Numerator = "Children looked after on the date",
            Denominator = "",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Count,
            Area = IndicatorArea.LookedAfter,
            Source = "Domain reference 4.9; SSDA903",
        },
        static (c, sink) =>
        {
            foreach (var (child, episodes) in ClaLookups.For(c.Index).Episodes)
            {
                if (CurrentEpisode(episodes, c.AsAt) >= 0)
                {
                    sink.Add(child, 1, 0);
                }
            }
        });

    /// <summary>Children looked after per 10,000 (domain reference 4.9).</summary>
    public static Indicator ClaPer10k { get; } = new(
        new IndicatorDefinition
        {
            Id = "cla_per_10k",
            Title = "Children looked after per 10,000 children",
            Definition = "Children looked after on the date (not counting children only on an agreed series of short breaks, legal status V3 or V4), per 10,000 children aged 0 to 17 in the area.",
            Formula = "children looked after on the date ÷ children aged 0 to 17 × 10,000",
            Numerator = "Children looked after on the date",
            Denominator = "Children aged 0 to 17 (ONS mid-year estimate)",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Per10k,
            Area = IndicatorArea.LookedAfter,
            Source = "Domain reference 4.1 and 4.9",
        },
        static (c, sink) => ClaCount.Measure(c, sink));

    /// <summary>Children who started to be looked after in the year.</summary>
    public static Indicator ClaStarts { get; } = new(
        new IndicatorDefinition
        {
            Id = "cla_starts",
            Title = "Children starting to be looked after",
            Definition = "Episodes of care that started a period of care (reason for new episode S) in the 12 months ending on the date, counted per start: a child who started twice counts twice. Short breaks (legal status V3 or V4) are not counted.",
            Formula = "episodes with reason for new episode S starting in the year",
            Numerator = "Starts of a period of care in the year",
            Denominator = "",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Count,
            Area = IndicatorArea.LookedAfter,
            Source = "SSDA903 Episodes (reason for new episode)",
        },
        static (c, sink) =>
        {
            foreach (var (child, episodes) in ClaLookups.For(c.Index).Episodes)
            {
                foreach (var e in episodes)
                {
                    if (e.ReasonNew == ReasonNewEpisode.Started && c.InYear(e.StartDate))
                    {
                        sink.Add(child, 1, 0);
                    }
                }
            }
        });

    /// <summary>Children who ceased to be looked after in the year.</summary>
    public static Indicator ClaEnds { get; } = new(
        new IndicatorDefinition
        {
            Id = "cla_ends",
            Title = "Children ceasing to be looked after",
            Definition = "Episodes of care that ended a period of care in the 12 months ending on the date: every episode ending in the year except those followed on the same day by a new episode (reason X1). Counted per ending; short breaks (legal status V3 or V4) are not counted.",
            Formula = "episodes ending in the year with a reason other than X1",
            Numerator = "Ends of a period of care in the year",
            Denominator = "",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Count,
            Area = IndicatorArea.LookedAfter,
            Source = "SSDA903 Episodes (reason episode ceased)",
        },
        static (c, sink) =>
        {
            foreach (var (child, episodes) in ClaLookups.For(c.Index).Episodes)
            {
                foreach (var e in episodes)
                {
                    if (e.EndDate is { } end && c.InYear(end) && e.ReasonEnded is { } reason && reason != ReasonEpisodeCeased.Continues)
                    {
                        sink.Add(child, 1, 0);
                    }
                }
            }
        });

    /// <summary>Short-term placement stability (domain reference 4.10).</summary>
    public static Indicator ThreePlusPlacements { get; } = new(
        new IndicatorDefinition
        {
            Id = "cla_3plus_placements_pct",
            Title = "Children looked after with 3 or more placements in the year",
            Definition = "Of the children looked after on the date, the share who had 3 or more placements in the 12 months ending on the date. The placement a child was in on the first day of the year counts as one; so does each later start of care (reason S) and each change of placement (reasons P, B, T and U). Being placed for adoption with the child's current foster carer (placement A3 or A5) is not a change. Short breaks are not counted.",
            Formula = "children looked after on the date with 3 or more placements in the year ÷ children looked after on the date × 100",
            Numerator = "Children looked after on the date with 3 or more placements in the year",
            Denominator = "Children looked after on the date",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.LookedAfter,
            Source = "Domain reference 4.10 (short-term stability; LGI 850 on adoption with the foster carer)",
        },
        static (c, sink) =>
        {
            foreach (var (child, episodes) in ClaLookups.For(c.Index).Episodes)
            {
                if (CurrentEpisode(episodes, c.AsAt) >= 0)
                {
                    sink.Add(child, PlacementsBetween(episodes, c.YearStart, c.AsAt) >= 3 ? 1 : 0, 1);
                }
            }
        });

    /// <summary>Placement stability over two years (domain reference 4.10).</summary>
    public static Indicator ThreePlusPlacementsTwoYears { get; } = new(
        new IndicatorDefinition
        {
            Id = "cla_3plus_placements_2y_pct",
            Title = "Children looked after with 3 or more placements in 2 years",
            Definition = "Of the children looked after on the date who had been looked after continuously for 2 years or more, the share who had 3 or more placements in the 2 years ending on the date. Placements are counted as for the 12-month measure: the placement on the first day counts as one, and so does each change of placement (reasons P, B, T and U) except being placed for adoption with the current foster carer.",
            Formula = "children looked after for 2 years or more with 3 or more placements in the 2 years ÷ children looked after for 2 years or more × 100",
            Numerator = "Children looked after for 2 years or more with 3 or more placements in the 2 years",
            Denominator = "Children looked after on the date, continuously for 2 years or more",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.LookedAfter,
            Source = "Domain reference 4.10 (2-year variant)",
        },
        static (c, sink) =>
        {
            var from = c.AsAt.AddYears(-2).AddDays(1);
            foreach (var (child, episodes) in ClaLookups.For(c.Index).Episodes)
            {
                var current = CurrentEpisode(episodes, c.AsAt);
                if (current >= 0 && episodes[PeriodStart(episodes, current)].StartDate <= from)
                {
                    sink.Add(child, PlacementsBetween(episodes, from, c.AsAt) >= 3 ? 1 : 0, 1);
                }
            }
        });

    /// <summary>Long-term placement stability (domain reference 4.10).</summary>
    public static Indicator LongTermStability { get; } = new(
        new IndicatorDefinition
        {
            Id = "cla_long_term_stability_pct",
            Title = "Long-term placement stability",
            Definition = "Of the children looked after on the date who were under 16 and had been looked after continuously for 2 and a half years or more, the share who had lived with the same carers for 2 years or more. Changes of legal status or of placement with the same carers (reasons L, T and U) do not break the placement. A child placed for adoption counts the adoptive placement together with the placement before it.",
            Formula = "children under 16 looked after for 2.5 years or more, with the same carers for 2 years or more ÷ children under 16 looked after for 2.5 years or more × 100",
            Numerator = "Children in the denominator with the same carers for 2 years or more",
            Denominator = "Children looked after on the date, under 16, looked after continuously for 2.5 years or more",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.LookedAfter,
            Source = "Domain reference 4.10 (long-term stability; NI 63 for adoption placements)",
        },
        static (c, sink) =>
        {
            var continuousFrom = c.AsAt.AddMonths(-30);
            var placedFrom = c.AsAt.AddYears(-2);
            foreach (var (child, episodes) in ClaLookups.For(c.Index).Episodes)
            {
                var current = CurrentEpisode(episodes, c.AsAt);
                if (current < 0
                    || !c.Index.Children.TryGetValue(child, out var ch)
                    || ch.AgeOn(c.AsAt) is not < 16)
                {
                    continue;
                }

                var period = PeriodStart(episodes, current);
                if (episodes[period].StartDate > continuousFrom)
                {
                    continue;
                }

                var placement = SameCarersStart(episodes, current, period);
                if (IsAdoptionPlacement(episodes[placement].Placement) && placement > period)
                {
                    placement = SameCarersStart(episodes, placement - 1, period);
                }

                sink.Add(child, episodes[placement].StartDate <= placedFrom ? 1 : 0, 1);
            }
        });

    /// <summary>Looked-after reviews on time (domain reference 4.11, T10 to T12).</summary>
    public static Indicator ReviewsOnTime { get; } = new(
        new IndicatorDefinition
        {
            Id = "cla_reviews_on_time_pct",
            Title = "Looked-after reviews on time",
            Definition = "Of the children looked after on the date who had been looked after continuously for at least 4 weeks, the share whose reviews in the 12 months ending on the date were all on time and none was overdue on the date. The first review is due within 20 working days of becoming looked after (weekends and bank holidays are not working days), the second within 3 months of the first, and later ones within 6 months of the one before. A review counts in the year if it was held in the year or, if not yet held, was due by the date.",
            Formula = "children with every review in the year on time ÷ children looked after on the date for 4 weeks or more × 100",
            Numerator = "Children whose reviews in the year were all on time",
            Denominator = "Children looked after on the date, continuously for at least 4 weeks",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.LookedAfter,
            Source = "Domain reference 4.11 and 1.2 (CPPCR 2010 reg 33)",
        },
        static (c, sink) =>
        {
            var lookups = ClaLookups.For(c.Index);
            var fourWeeks = c.AsAt.AddDays(-28);
            foreach (var (child, episodes) in lookups.Episodes)
            {
                var current = CurrentEpisode(episodes, c.AsAt);
                if (current < 0)
                {
                    continue;
                }

                var became = episodes[PeriodStart(episodes, current)].StartDate;
                if (became > fourWeeks)
                {
                    continue;
                }

                var reviews = lookups.ReviewDates.GetValueOrDefault(child) ?? [];
                var onTime = ChainOnTime(became, reviews, c.YearStart, c.AsAt, static (i, previous) => i switch
                {
                    0 => FirstReviewDue(previous),
                    1 => StatutoryClock.DueDates.SecondClaReviewDue(previous),
                    _ => StatutoryClock.DueDates.NextClaReviewDue(previous),
                });
                sink.Add(child, onTime ? 1 : 0, 1);
            }
        });

    /// <summary>Looked-after visits on time (domain reference T13).</summary>
    public static Indicator VisitsOnTime { get; } = new(
        new IndicatorDefinition
        {
            Id = "cla_visits_on_time_pct",
            Title = "Looked-after children visited on time",
            Definition = "Of the children looked after on the date, the share who were not overdue a social worker visit on the date. Only looked-after visits where the child was seen count, from the start of the current placement with the same carers. The first visit is due within 1 week of the placement starting; after that the next is due within 6 weeks of the last, or within 3 months once the placement is a year old if it is a long-term foster placement (U1 or U4). This applies the standard rule (CPPCR 2010 reg 28(2)) to every placement: the weekly visits for a child placed with a parent are not applied.",
            Formula = "children looked after on the date not overdue a visit ÷ children looked after on the date × 100",
            Numerator = "Children looked after whose latest visit is within the required interval",
            Denominator = "Children looked after on the date",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.LookedAfter,
            Source = "Domain reference 1.2 T13 (CPPCR 2010 reg 28(2))",
        },
        static (c, sink) =>
        {
            // The current placement of each child looked after on the date, then one pass over the
            // visits for the latest seen looked-after visit in it.
            var placements = new Dictionary<long, (DateOnly Placed, bool LongTerm, DateOnly? Latest)>();
            foreach (var (child, episodes) in ClaLookups.For(c.Index).Episodes)
            {
                var current = CurrentEpisode(episodes, c.AsAt);
                if (current >= 0)
                {
                    var placement = episodes[current].Placement;
                    var longTerm = placement == PlacementType.KinshipLongTerm || placement == PlacementType.FosterLongTerm;
                    placements[child] = (episodes[SameCarersStart(episodes, current, PeriodStart(episodes, current))].StartDate, longTerm, null);
                }
            }

            foreach (var v in c.Data.Visits)
            {
                if (v.Kind == VisitKind.LookedAfter && v.ChildSeen && v.Date <= c.AsAt
                    && placements.TryGetValue(v.ChildId, out var p) && v.Date >= p.Placed && (p.Latest is null || v.Date > p.Latest))
                {
                    placements[v.ChildId] = p with { Latest = v.Date };
                }
            }

            foreach (var (child, p) in placements)
            {
                var due = p.Latest is { } last
                    ? StatutoryClock.DueDates.NextClaVisitDue(last, p.Placed, p.LongTerm)
                    : StatutoryClock.DueDates.FirstPlacementVisitDue(p.Placed);
                sink.Add(child, c.AsAt <= due ? 1 : 0, 1);
            }
        });

    /// <summary>Health assessments of children looked after for 12 months (SSDA903 OC2).</summary>
    public static Indicator HealthChecks { get; } = new(
        new IndicatorDefinition
        {
            Id = "cla_health_checks_pct",
            Title = "Health assessments up to date",
            Definition = "Of the children looked after on the date who had been looked after continuously for 12 months or more, the share who had a health assessment (initial or review) in the 12 months ending on the date.",
            Formula = "children looked after for 12 months with a health assessment in the year ÷ children looked after for 12 months × 100",
            Numerator = "Children looked after for 12 months with a health assessment in the year",
            Denominator = "Children looked after on the date, continuously for 12 months or more",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.LookedAfter,
            Source = "SSDA903 OC2 (HEALTH_ASSESSMENT); domain reference 2.2",
        },
        static (c, sink) => TwelveMonthCohort(c, sink, ClaLookups.For(c.Index).HealthAssessmentDates));

    /// <summary>Dental checks of children looked after for 12 months (SSDA903 OC2).</summary>
    public static Indicator DentalChecks { get; } = new(
        new IndicatorDefinition
        {
            Id = "cla_dental_checks_pct",
            Title = "Dental checks up to date",
            Definition = "Of the children looked after on the date who had been looked after continuously for 12 months or more, the share who had a dental check in the 12 months ending on the date.",
            Formula = "children looked after for 12 months with a dental check in the year ÷ children looked after for 12 months × 100",
            Numerator = "Children looked after for 12 months with a dental check in the year",
            Denominator = "Children looked after on the date, continuously for 12 months or more",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.LookedAfter,
            Source = "SSDA903 OC2 (TEETH_CHECK); domain reference 2.2",
        },
        static (c, sink) => TwelveMonthCohort(c, sink, ClaLookups.For(c.Index).DentalCheckDates));

    /// <summary>Children looked after who went missing.</summary>
    public static Indicator Missing { get; } = new(
        new IndicatorDefinition
        {
            Id = "cla_missing_pct",
            Title = "Children looked after who went missing",
            Definition = "Of the children looked after at any time in the 12 months ending on the date, the share who had a missing episode starting in the year on a day they were looked after. Both 'missing' and 'away without authorisation' episodes count. Short breaks are not counted as being looked after.",
            Formula = "children looked after in the year who went missing from care in the year ÷ children looked after in the year × 100",
            Numerator = "Children looked after in the year who went missing while looked after in the year",
            Denominator = "Children looked after at any time in the year",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.LookedAfter,
            Source = "SSDA903 Missing table",
        },
        static (c, sink) =>
        {
            var lookups = ClaLookups.For(c.Index);
            var missing = new HashSet<long>();
            foreach (var m in c.Data.MissingEpisodes)
            {
                if (c.InYear(m.StartDate) && lookups.Episodes.TryGetValue(m.ChildId, out var episodes) && CurrentEpisode(episodes, m.StartDate) >= 0)
                {
                    missing.Add(m.ChildId);
                }
            }

            foreach (var (child, episodes) in lookups.Episodes)
            {
                if (LookedAfterBetween(episodes, c.YearStart, c.AsAt))
                {
                    sink.Add(child, missing.Contains(child) ? 1 : 0, 1);
                }
            }
        });

    /// <summary>Return interviews offered after missing episodes.</summary>
    public static Indicator ReturnInterviews { get; } = new(
        new IndicatorDefinition
        {
            Id = "missing_return_interviews_pct",
            Title = "Return interviews offered after going missing",
            Definition = "Of the missing episodes (missing or away without authorisation) of children looked after that ended in the 12 months ending on the date, the share where the child was offered a return interview. An episode counts where the child was looked after on the day it began; one not recorded as offered counts as not offered.",
            Formula = "missing episodes ended in the year with a return interview offered ÷ missing episodes ended in the year × 100",
            Numerator = "Missing episodes ended in the year with a return interview offered",
            Denominator = "Missing episodes of looked-after children ended in the year",
            Polarity = Polarity.HigherIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.LookedAfter,
            Source = "SSDA903 Missing table (MIS_END, return interview)",
        },
        static (c, sink) =>
        {
            var lookups = ClaLookups.For(c.Index);
            foreach (var m in c.Data.MissingEpisodes)
            {
                if (m.EndDate is { } end && c.InYear(end) && m.StartDate <= end
                    && lookups.Episodes.TryGetValue(m.ChildId, out var episodes) && CurrentEpisode(episodes, m.StartDate) >= 0)
                {
                    sink.Add(m.ChildId, m.ReturnInterviewOffered == true ? 1 : 0, 1);
                }
            }
        });

    /// <summary>Care leavers in touch (domain reference 4.12).</summary>
    public static Indicator CareLeaversInTouch { get; } = new(
        CareLeaverDefinition(
            "care_leavers_in_touch_pct",
            "Care leavers in touch",
            "the share the council was in touch with (in touch: YES). Young people who refused contact (REFU) or no longer require services (NREQ) stay in the cohort and count as not in touch; so does a young person with no contact recorded in the year",
            "in touch",
            "IN_TOUCH"),
        static (c, sink) => MeasureCareLeavers(c, sink, static contact => contact.InTouch == CareLeaverInTouch.Yes));

    /// <summary>Care leavers in education, employment or training (domain reference 4.12).</summary>
    public static Indicator CareLeaversEet { get; } = new(
        CareLeaverDefinition(
            "care_leavers_eet_pct",
            "Care leavers in education, employment or training",
            "the share in education, employment or training (activity F1, P1, F2, P2, F4, P4, F5 or P5, full or part time). Young people who refused contact (REFU) or no longer require services (NREQ), and those with no contact recorded in the year, stay in the cohort and count only if their recorded activity is one of these",
            "in education, employment or training",
            "ACTIV"),
        static (c, sink) => MeasureCareLeavers(c, sink, static contact => contact.Activity.Code is "F1" or "P1" or "F2" or "P2" or "F4" or "P4" or "F5" or "P5"));

    /// <summary>Care leavers in suitable accommodation (domain reference 4.12).</summary>
    public static Indicator CareLeaversSuitableAccommodation { get; } = new(
        CareLeaverDefinition(
            "care_leavers_suitable_accommodation_pct",
            "Care leavers in suitable accommodation",
            "the share in accommodation recorded as suitable (an accommodation code ending in 1). Young people who refused contact (REFU) or no longer require services (NREQ), and those with no contact recorded in the year, stay in the cohort and count only if their accommodation is recorded as suitable",
            "in suitable accommodation",
            "ACCOM"),
        static (c, sink) => MeasureCareLeavers(c, sink, static contact => contact.Accommodation.Code.EndsWith('1')));

    /// <summary>Adoption A1 (domain reference 4.13).</summary>
    public static Indicator AdoptionA1 { get; } = new(
        new IndicatorDefinition
        {
            Id = "adoption_a1_days",
            Title = "Average days from entering care to moving in with the adoptive family (A1)",
            Definition = "For children adopted in the 3 years ending on the date (adoption order in those 3 years), the average number of days from the start of the period of care that led to the adoption to the day the child moved in with the adoptive family. Children with no date of moving in, or no period of care on that date, are left out.",
            Formula = "total days from entering care to moving in with the adoptive family ÷ children adopted in the 3 years",
            Numerator = "Days from entering care to moving in with the adoptive family",
            Denominator = "Children adopted in the 3 years",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Days,
            Area = IndicatorArea.Adoption,
            Source = "Domain reference 4.13 (adoption scorecard A1)",
        },
        static (c, sink) => MeasureAdoptions(c, sink, fosterCarerAdjusted: false));

    /// <summary>Adoption A2 (domain reference 4.13).</summary>
    public static Indicator AdoptionA2 { get; } = new(
        new IndicatorDefinition
        {
            Id = "adoption_a2_days",
            Title = "Average days from placement order to match (A2)",
            Definition = "For children adopted in the 3 years ending on the date (adoption order in those 3 years), the average number of days from the court's authority to place (the placement order) to the decision on a match with adopters. A child matched before the order counts as 0 days. Children with no placement order or no match date are left out.",
            Formula = "total days from placement order to match ÷ children adopted in the 3 years with a placement order and a match",
            Numerator = "Days from placement order to match",
            Denominator = "Children adopted in the 3 years with a placement order and a match",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Days,
            Area = IndicatorArea.Adoption,
            Source = "Domain reference 4.13 (adoption scorecard A2; LGI 912)",
        },
        static (c, sink) =>
        {
            var from = c.AsAt.AddYears(-3).AddDays(1);
            foreach (var a in c.Data.Adoptions)
            {
                if (a.AdoptionOrderDate is { } order && order >= from && order <= c.AsAt
                    && a.PlacementOrderDate is { } placementOrder && a.MatchDate is { } match)
                {
                    sink.Add(a.ChildId, Math.Max(0, match.DayNumber - placementOrder.DayNumber), 1);
                }
            }
        });

    /// <summary>Adoption A10 (domain reference 4.13).</summary>
    public static Indicator AdoptionA10 { get; } = new(
        new IndicatorDefinition
        {
            Id = "adoption_a10_days",
            Title = "Average days from entering care to moving in with the adoptive family, adjusted for foster carer adoptions (A10)",
            Definition = "As A1, but where the child was adopted by their foster carer the days run to the day the child moved in with that foster carer: the start of the placement with the same carers that the adoption placement followed. For children adopted in the 3 years ending on the date.",
            Formula = "total days from entering care to moving in with the family who adopted ÷ children adopted in the 3 years",
            Numerator = "Days from entering care to moving in with the family who adopted",
            Denominator = "Children adopted in the 3 years",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Days,
            Area = IndicatorArea.Adoption,
            Source = "Domain reference 4.13 (A10, adoption leadership board)",
        },
        static (c, sink) => MeasureAdoptions(c, sink, fosterCarerAdjusted: true));

    /// <summary>Children adopted in the year.</summary>
    public static Indicator AdoptionCount { get; } = new(
        new IndicatorDefinition
        {
            Id = "adoption_count",
            Title = "Children adopted",
            Definition = "Children adopted in the 12 months ending on the date: adoption records with the adoption order made in the year.",
            Formula = "adoption orders in the year",
            Numerator = "Children adopted in the year",
            Denominator = "",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Count,
            Area = IndicatorArea.Adoption,
            Source = "SSDA903 AD1; domain reference 4.13",
        },
        static (c, sink) =>
        {
            foreach (var a in c.Data.Adoptions)
            {
                if (a.AdoptionOrderDate is { } order && c.InYear(order))
                {
                    sink.Add(a.ChildId, 1, 0);
                }
            }
        });

    public static IReadOnlyList<Indicator> All { get; } =
    [
        ClaCount, ClaPer10k, ClaStarts, ClaEnds, ThreePlusPlacements, ThreePlusPlacementsTwoYears, LongTermStability,
        ReviewsOnTime, VisitsOnTime, HealthChecks, DentalChecks, Missing, ReturnInterviews,
        CareLeaversInTouch, CareLeaversEet, CareLeaversSuitableAccommodation,
        AdoptionA1, AdoptionA2, AdoptionA10, AdoptionCount,
    ];

    /// <summary>The index of the episode open on <paramref name="date"/> (started on or before it and
    /// not ended by it), or -1 when the child was not looked after that day.</summary>
    internal static int CurrentEpisode(CareEpisode[] episodes, DateOnly date)
    {
        for (var i = episodes.Length - 1; i >= 0; i--)
        {
            var e = episodes[i];
            if (e.StartDate <= date && (e.EndDate is null || e.EndDate > date))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The first episode of the period of care that <paramref name="index"/> belongs to.</summary>
    internal static int PeriodStart(CareEpisode[] episodes, int index)
    {
        while (index > 0
            && episodes[index].ReasonNew != ReasonNewEpisode.Started
            && episodes[index - 1].EndDate == episodes[index].StartDate)
        {
            index--;
        }

        return index;
    }

    /// <summary>The first episode of the placement with the same carers that <paramref name="index"/>
    /// belongs to, not before <paramref name="periodStart"/>.</summary>
    internal static int SameCarersStart(CareEpisode[] episodes, int index, int periodStart)
    {
        while (index > periodStart && IsSameCarers(episodes[index].ReasonNew))
        {
            index--;
        }

        return index;
    }

    /// <summary>Reasons for a new episode that keep the same carers: legal status only (L), a move
    /// with the same carers (T), or both (U).</summary>
    internal static bool IsSameCarers(ReasonNewEpisode reason) =>
        reason == ReasonNewEpisode.LegalStatusChange
        || reason == ReasonNewEpisode.SameCarerMove
        || reason == ReasonNewEpisode.LegalAndPlacementSameCarer;

    /// <summary>Placed for adoption (A3 to A6).</summary>
    internal static bool IsAdoptionPlacement(PlacementType placement) => placement.Code is "A3" or "A4" or "A5" or "A6";

    /// <summary>Placed for adoption with the current foster carer (A3, A5).</summary>
    internal static bool IsAdoptionWithFosterCarer(PlacementType placement) => placement.Code is "A3" or "A5";

    /// <summary>The number of placements a child had from <paramref name="from"/> to <paramref name="to"/>:
    /// the one held on <paramref name="from"/>, and every start of care (S) or change of placement
    /// (P, B, T, U) after it, except a placement for adoption with the current foster carer.</summary>
    internal static int PlacementsBetween(CareEpisode[] episodes, DateOnly from, DateOnly to)
    {
        var count = CurrentEpisode(episodes, from) >= 0 ? 1 : 0;
        foreach (var e in episodes)
        {
            if (e.StartDate > to)
            {
                break;
            }

            if (e.StartDate > from && e.ReasonNew != ReasonNewEpisode.LegalStatusChange && !IsAdoptionWithFosterCarer(e.Placement))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether the child was looked after on any day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    internal static bool LookedAfterBetween(CareEpisode[] episodes, DateOnly from, DateOnly to)
    {
        foreach (var e in episodes)
        {
            if (e.StartDate > to)
            {
                break;
            }

            if (e.EndDate is null || e.EndDate > from)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The latest of sorted <paramref name="dates"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    internal static DateOnly? LatestBetween(DateOnly[]? dates, DateOnly from, DateOnly to)
    {
        if (dates is null)
        {
            return null;
        }

        for (var i = dates.Length - 1; i >= 0; i--)
        {
            if (dates[i] <= to)
            {
                return dates[i] >= from ? dates[i] : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a chain of recurring events starting at <paramref name="start"/> was kept to time in the
    /// year from <paramref name="yearStart"/> to <paramref name="asAt"/>: every event held in the year
    /// was held by its due date, and the next one was not overdue on <paramref name="asAt"/>.
    /// <paramref name="due"/> gives event i's due date from the event before it (or the start).
    /// <paramref name="held"/> are the events' dates, sorted and distinct; those before the start or
    /// after <paramref name="asAt"/> are ignored.
    /// </summary>
    internal static bool ChainOnTime(DateOnly start, DateOnly[] held, DateOnly yearStart, DateOnly asAt, Func<int, DateOnly, DateOnly> due)
    {
        var previous = start;
        var i = 0;
        foreach (var date in held)
        {
            if (date < start)
            {
                continue;
            }

            if (date > asAt)
            {
                break;
            }

            if (date >= yearStart && date > due(i, previous))
            {
                return false;
            }

            previous = date;
            i++;
        }

        return asAt <= due(i, previous);
    }

    // T10, with a calendar fallback for a period of care that began before the working-day calendar.
    private static DateOnly FirstReviewDue(DateOnly became) =>
        became >= EnglandBankHolidays.FirstDate
            ? StatutoryClock.DueDates.FirstClaReviewDue(became)
            : became.AddDays(28);

    private static void TwelveMonthCohort(MeasureContext c, IUnitSink sink, Dictionary<long, DateOnly[]> checks)
    {
        var twelveMonths = c.AsAt.AddYears(-1);
        foreach (var (child, episodes) in ClaLookups.For(c.Index).Episodes)
        {
            var current = CurrentEpisode(episodes, c.AsAt);
            if (current < 0 || episodes[PeriodStart(episodes, current)].StartDate > twelveMonths)
            {
                continue;
            }

            sink.Add(child, LatestBetween(checks.GetValueOrDefault(child), c.YearStart, c.AsAt) is null ? 0 : 1, 1);
        }
    }

    private static IndicatorDefinition CareLeaverDefinition(string id, string title, string share, string status, string item) => new()
    {
        Id = id,
        Title = title,
        Definition = "Of the care leavers whose 17th, 18th, 19th, 20th or 21st birthday fell in the 12 months ending on the date, "
            + share
            + ". Each young person's status is taken from the care-leaver contact in the year nearest their birthday. Care leavers are young people with a care-leaver contact recorded; those who have died (DIED) or returned home to their parents for 6 months or more (RHOM) are left out.",
        Formula = $"care leavers aged 17 to 21 {status} ÷ care leavers aged 17 to 21 × 100",
        Numerator = $"Care leavers aged 17 to 21 {status} around their birthday",
        Denominator = "Care leavers with a 17th to 21st birthday in the year",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Area = IndicatorArea.CareLeavers,
        Source = $"Domain reference 4.12 (SSDA903 OC3 {item})",
    };

    private static void MeasureCareLeavers(MeasureContext c, IUnitSink sink, Func<CareLeaverContact, bool> counts)
    {
        foreach (var (child, contacts) in ClaLookups.For(c.Index).CareLeaverContacts)
        {
            if (!c.Index.Children.TryGetValue(child, out var ch) || ch.DateOfBirth is not { } dob || ch.DateOfDeath <= c.AsAt)
            {
                continue;
            }

            // The birthday (17th to 21st) in the year, if any: at most one falls in 12 months.
            DateOnly? birthday = null;
            for (var age = 17; age <= 21; age++)
            {
                var b = dob.AddYears(age);
                if (c.InYear(b))
                {
                    birthday = b;
                    break;
                }
            }

            if (birthday is not { } day)
            {
                continue;
            }

            CareLeaverContact? nearest = null;
            CareLeaverContact? latest = null;
            var best = int.MaxValue;
            foreach (var contact in contacts)
            {
                if (contact.ContactDate > c.AsAt)
                {
                    break;
                }

                latest = contact;
                var distance = Math.Abs(contact.ContactDate.DayNumber - day.DayNumber);
                if (c.InYear(contact.ContactDate) && distance < best)
                {
                    best = distance;
                    nearest = contact;
                }
            }

            // Not yet a care leaver on the date, or left out of the cohort.
            var status = nearest ?? latest;
            if (status is null || status.InTouch.Code is "DIED" or "RHOM")
            {
                continue;
            }

            sink.Add(child, nearest is not null && counts(nearest) ? 1 : 0, 1);
        }
    }

    private static void MeasureAdoptions(MeasureContext c, IUnitSink sink, bool fosterCarerAdjusted)
    {
        var episodesByChild = ClaLookups.For(c.Index).Episodes;
        var from = c.AsAt.AddYears(-3).AddDays(1);
        foreach (var a in c.Data.Adoptions)
        {
            if (a.AdoptionOrderDate is not { } order || order < from || order > c.AsAt
                || a.PlacedDate is not { } placed
                || !episodesByChild.TryGetValue(a.ChildId, out var episodes))
            {
                continue;
            }

            // The episode the child was in on the day they moved in (the last to start by then).
            var index = -1;
            for (var i = episodes.Length - 1; i >= 0; i--)
            {
                if (episodes[i].StartDate <= placed)
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                continue;
            }

            var period = PeriodStart(episodes, index);
            var movedIn = placed;
            if (fosterCarerAdjusted && a.FosterCarerAdoption)
            {
                // Back through the adoption placement with the foster carer and any changes that kept
                // the same carers, to the day the child moved in with them.
                var j = index;
                while (j > period && (IsSameCarers(episodes[j].ReasonNew) || IsAdoptionWithFosterCarer(episodes[j].Placement)))
                {
                    j--;
                }

                if (episodes[j].StartDate < movedIn)
                {
                    movedIn = episodes[j].StartDate;
                }
            }

            sink.Add(a.ChildId, movedIn.DayNumber - episodes[period].StartDate.DayNumber, 1);
        }
    }
}

/// <summary>Per-child lookups over one snapshot for the looked-after indicators, built once per
/// <see cref="IndicatorIndex"/> on first use and shared by every date (read only afterwards, so safe
/// from several threads).</summary>
internal sealed class ClaLookups
{
    private static readonly ConditionalWeakTable<IndicatorIndex, ClaLookups> Cache = new();

    private readonly Lazy<Dictionary<long, CareEpisode[]>> episodes;
    private readonly Lazy<Dictionary<long, DateOnly[]>> reviewDates;
    private readonly Lazy<Dictionary<long, DateOnly[]>> healthAssessmentDates;
    private readonly Lazy<Dictionary<long, DateOnly[]>> dentalCheckDates;
    private readonly Lazy<Dictionary<long, CareLeaverContact[]>> careLeaverContacts;

    private ClaLookups(IndicatorIndex index)
    {
        var data = index.Data;
        episodes = new(() =>
        {
            var result = new Dictionary<long, CareEpisode[]>(index.EpisodesByChild.Count);
            foreach (var (child, list) in index.EpisodesByChild)
            {
                var kept = Array.FindAll(list, static e => !HeadlineStats.IsShortBreak(e));
                if (kept.Length > 0)
                {
                    result[child] = kept;
                }
            }

            return result;
        });
        reviewDates = new(() => Dates(data.CareReviews, static r => r.ChildId, static r => r.Date, static _ => true));
        healthAssessmentDates = new(() => Dates(data.HealthChecks, static h => h.ChildId, static h => h.Date, static h => h.Kind is HealthCheckKind.InitialHealthAssessment or HealthCheckKind.ReviewHealthAssessment));
        dentalCheckDates = new(() => Dates(data.HealthChecks, static h => h.ChildId, static h => h.Date, static h => h.Kind == HealthCheckKind.DentalCheck));
        careLeaverContacts = new(() =>
        {
            var groups = new Dictionary<long, List<CareLeaverContact>>();
            foreach (var contact in data.CareLeaverContacts)
            {
                if (!groups.TryGetValue(contact.ChildId, out var list))
                {
                    groups[contact.ChildId] = list = [];
                }

                list.Add(contact);
            }

            var result = new Dictionary<long, CareLeaverContact[]>(groups.Count);
            foreach (var (child, list) in groups)
            {
                var array = list.ToArray();
                Array.Sort(array, static (a, b) => a.ContactDate.CompareTo(b.ContactDate));
                result[child] = array;
            }

            return result;
        });
    }

    /// <summary>Each child's care episodes that are not short breaks (V3, V4), earliest first.</summary>
    public Dictionary<long, CareEpisode[]> Episodes => episodes.Value;

    /// <summary>Each child's looked-after review dates, sorted and distinct.</summary>
    public Dictionary<long, DateOnly[]> ReviewDates => reviewDates.Value;

    /// <summary>Each child's health assessment dates (initial or review), sorted and distinct.</summary>
    public Dictionary<long, DateOnly[]> HealthAssessmentDates => healthAssessmentDates.Value;

    /// <summary>Each child's dental check dates, sorted and distinct.</summary>
    public Dictionary<long, DateOnly[]> DentalCheckDates => dentalCheckDates.Value;

    /// <summary>Each child's care-leaver contacts, earliest first.</summary>
    public Dictionary<long, CareLeaverContact[]> CareLeaverContacts => careLeaverContacts.Value;

    public static ClaLookups For(IndicatorIndex index) => Cache.GetValue(index, static i => new ClaLookups(i));

    private static Dictionary<long, DateOnly[]> Dates<T>(List<T> records, Func<T, long> child, Func<T, DateOnly> date, Func<T, bool> match)
    {
        var groups = new Dictionary<long, List<DateOnly>>();
        foreach (var r in records)
        {
            if (!match(r))
            {
                continue;
            }

            var id = child(r);
            if (!groups.TryGetValue(id, out var list))
            {
                groups[id] = list = [];
            }

            list.Add(date(r));
        }

        var result = new Dictionary<long, DateOnly[]>(groups.Count);
        foreach (var (id, list) in groups)
        {
            list.Sort();
            var kept = 1;
            for (var i = 1; i < list.Count; i++)
            {
                if (list[i] != list[kept - 1])
                {
                    list[kept++] = list[i];
                }
            }

            result[id] = list.GetRange(0, kept).ToArray();
        }

        return result;
    }
}
