using Lantern.Domain.Calendar;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;

namespace Lantern.Synthetic;

internal sealed partial class Generator
{
    /// <summary>Marks a record dropped after it was drawn (a plan overtaken by care, an event after
    /// the end date). Ids stay as drawn, so dropping leaves gaps but never reuses an id. The mark
    /// is a version of -1, which no stored record has.</summary>
    private static void Remove(Entity e) => e.Version = -1;

    private static bool IsRemoved(Entity e) => e.Version == -1;

    private bool InDetail(DateOnly d) => d >= detailFrom && d <= to;

    private void AddVisit(ChildState s, DateOnly date, VisitKind kind, double seenAlone)
    {
        if (!InDetail(date) || (s.Child.DateOfDeath is { } died && date > died))
        {
            return;
        }

        var seen = Chance(0.96);
        var age = s.Child.AgeOn(date) ?? 0;
        data.Visits.Add(new Visit
        {
            Id = IdBase + data.Visits.Count + 1,
            ChildId = s.Child.Id,
            Date = date,
            Kind = kind,
            ChildSeen = seen,
            ChildSeenAlone = seen && age >= 4 && Chance(seenAlone),
        });
    }

    /// <summary>Compliance with visiting and review timescales in a year: worse in the crisis.</summary>
    private double Compliance(DateOnly d) => 0.45 + (0.5 * TargetsOn(d).AssessmentsWithin45);

    private void FinishChild(ChildState s)
    {
        // A child recorded as not of school age when referred has a pupil number once at school (SSDA903 rule 209).
        if (s.Child.UpnUnknown == UpnUnknownReason.NotSchoolAge && s.Child.DateOfBirth is { } born && born.AddYears(4) <= to)
        {
            s.Child.Upn = NextUpn(born.Year % 100);
            s.Child.UpnUnknown = null;
        }

        SeparatePlans(s);
        foreach (var r in s.Referrals)
        {
            FinishReferral(s, r);
        }

        foreach (var c in s.CarePeriods)
        {
            FinishCare(s, c);
        }
    }

    /// <summary>
    /// A child is never on a child in need plan and a protection plan at once, nor on two child in need plans (CIN
    /// census rules 4001, 4004, 4014, 4016): however the months played out, a child in need plan that would start
    /// during a protection plan starts when it ends (or is dropped), one running into a protection plan ends where it
    /// starts, and one running into the next child in need plan ends where that starts.
    /// </summary>
    private void SeparatePlans(ChildState s)
    {
        var protection = s.Referrals.SelectMany(r => r.CpPlans).ToList();
        foreach (var r in s.Referrals)
        {
            foreach (var p in r.CinPlans.ToList())
            {
                foreach (var c in protection)
                {
                    var protectionEnd = c.EndDate ?? DateOnly.MaxValue;
                    if (c.StartDate <= p.StartDate && protectionEnd > p.StartDate)
                    {
                        if (c.EndDate is { } ended && ended < (p.EndDate ?? DateOnly.MaxValue))
                        {
                            p.StartDate = ended;
                        }
                        else
                        {
                            r.Remove(p);
                            Remove(p);
                            break;
                        }
                    }
                    else if (p.StartDate < c.StartDate && (p.EndDate ?? DateOnly.MaxValue) > c.StartDate)
                    {
                        p.EndDate = c.StartDate;
                    }
                }
            }
        }

        var plans = s.Referrals.SelectMany(r => r.CinPlans).OrderBy(p => p.StartDate).ThenBy(p => p.Id).ToList();
        for (var i = 1; i < plans.Count; i++)
        {
            if ((plans[i - 1].EndDate ?? DateOnly.MaxValue) > plans[i].StartDate)
            {
                plans[i - 1].EndDate = Max(plans[i - 1].StartDate, plans[i].StartDate);
            }
        }
    }

    private void FinishReferral(ChildState s, ReferralState r)
    {
        var referral = r.Referral;
        if (referral.NoFurtherAction)
        {
            referral.ClosureDate = referral.ReferralDate;
            referral.ClosureReason = ClosureReason.NfaAfterAssessment;
            return;
        }

        // The planned closure, taken before the work still going on at the end date is cut back to what was known
        // then: a referral whose assessment or enquiry was not finished by the end date is still open (CIN census
        // rules 8867 and 8868).
        var closure = r.End;
        if (r.Assessment is { } a)
        {
            if (a.AuthorisationDate > to)
            {
                a.AuthorisationDate = null;
                a.Outcome = AssessmentOutcome.Pending;
            }

            if (a.ChildSeenDate is { } seen && seen <= to)
            {
                AddVisit(s, seen, VisitKind.Assessment, 0.6);
            }

            if (a.AuthorisationDate is { } auth && auth < a.StartDate)
            {
                a.AuthorisationDate = a.StartDate;
            }
        }

        foreach (var e in r.Section47s)
        {
            if (e.EndDate > to)
            {
                e.EndDate = null;
                e.Outcome = Section47Outcome.Pending;
                e.IcpcNotRequired = false;
            }
        }

        foreach (var c in data.Conferences.Count > 0 ? ConferencesOf(r) : [])
        {
            if (c.Date > to)
            {
                Remove(c);
            }
        }

        foreach (var p in r.CpPlans)
        {
            if (p.StartDate > to)
            {
                Remove(p);
                continue;
            }

            FinishProtectionPlan(s, p);
        }

        foreach (var p in r.CinPlans)
        {
            if (p.StartDate > to || IsRemoved(p))
            {
                Remove(p);
                continue;
            }

            if (p.EndDate < p.StartDate)
            {
                p.EndDate = p.StartDate;
            }

            var end = Min(p.EndDate ?? to, to);
            for (var review = p.StartDate.AddMonths(3); review <= end; review = review.AddMonths(3))
            {
                if (InDetail(review))
                {
                    data.ChildInNeedReviews.Add(new ChildInNeedPlanReview { Id = IdBase + data.ChildInNeedReviews.Count + 1, ChildId = s.Child.Id, PlanId = p.Id, Date = Chance(Compliance(review)) ? review : review.AddDays(Between(5, 40)) });
                }
            }

            for (var v = WorkingDays.AddWorkingDays(p.StartDate, Between(2, 10)); v <= end; v = WorkingDays.AddWorkingDays(v, Chance(Compliance(v)) ? Between(14, 20) : Between(21, 40)))
            {
                AddVisit(s, v, VisitKind.ChildInNeed, 0.5);
            }

            if (p.EndDate > to)
            {
                p.EndDate = null;
            }
        }

        if (closure > to)
        {
            referral.ClosureDate = null;
            referral.ClosureReason = null;
        }
        else
        {
            referral.ClosureDate = closure;
            referral.ClosureReason = r.Reason;

            // "Closed after assessment" (no further action, or referred to early help) only fits a referral whose
            // assessment ended it: one that went on to an enquiry, a conference or a plan closed for another reason
            // (CIN census rule 2990).
            if (r.Reason == ClosureReason.NfaAfterAssessment || r.Reason == ClosureReason.EarlyHelpAfterAssessment)
            {
                var wentFurther = r.Section47s.Count > 0
                    || r.CinPlans.Any(p => !IsRemoved(p))
                    || r.CpPlans.Any(p => !IsRemoved(p))
                    || (data.Conferences.Count > 0 && ConferencesOf(r).Any(c => !IsRemoved(c)));
                if (wentFurther || r.Assessment?.Outcome is not AssessmentOutcome.NoFurtherAction and not AssessmentOutcome.EarlyHelp)
                {
                    referral.ClosureReason = ClosureReason.ServicesCeased;
                }
            }
        }

        if (referral.PrimaryNeed is not null && r.Assessment is not null && Defect(s, "primary-need-missing", "Referral that went to assessment has no primary need recorded"))
        {
            referral.PrimaryNeed = null;
        }
    }

    private readonly Dictionary<long, List<ChildProtectionConference>> conferencesByReferral = [];

    private List<ChildProtectionConference> ConferencesOf(ReferralState r)
    {
        if (conferencesByReferral.Count == 0)
        {
            foreach (var c in data.Conferences)
            {
                if (!conferencesByReferral.TryGetValue(c.ReferralId, out var list))
                {
                    conferencesByReferral[c.ReferralId] = list = [];
                }

                list.Add(c);
            }
        }

        return conferencesByReferral.TryGetValue(r.Referral.Id, out var found) ? found : [];
    }

    private void FinishProtectionPlan(ChildState s, ChildProtectionPlan p)
    {
        var planEnd = p.EndDate ?? to;
        if (planEnd < p.StartDate)
        {
            p.EndDate = planEnd = p.StartDate;
        }

        var end = Min(planEnd, to);

        // First core group within 10 working days, then about every six weeks.
        var cg = WorkingDays.AddWorkingDays(p.StartDate, Chance(Compliance(p.StartDate) + 0.05) ? Between(3, 10) : Between(11, 20));
        for (; cg <= end; cg = cg.AddDays(Between(35, 49)))
        {
            if (InDetail(cg))
            {
                data.CoreGroups.Add(new CoreGroupMeeting { Id = IdBase + data.CoreGroups.Count + 1, ChildId = s.Child.Id, PlanId = p.Id, Date = cg });
            }
        }

        // Review conferences: within 3 months, then at most every 6 months.
        var due = p.StartDate.AddMonths(3);
        while (due <= planEnd && due <= to)
        {
            var held = Chance(Compliance(due) + 0.1) ? due.AddDays(-Between(0, 10)) : due.AddDays(Between(3, 30));
            if (held > to || held >= planEnd)
            {
                break;
            }

            data.Conferences.Add(new ChildProtectionConference
            {
                Id = IdBase + data.Conferences.Count + 1,
                ChildId = s.Child.Id,
                ReferralId = p.ReferralId,
                PlanId = p.Id,
                Type = ConferenceType.Review,
                Date = held,
                Outcome = ConferenceOutcome.PlanContinues,
            });
            due = held.AddMonths(6);
        }

        // Visits at the local frequency (10 working days by default).
        var visitDays = data.Authorities[0].ChildProtectionVisitWorkingDays;
        for (var v = WorkingDays.AddWorkingDays(p.StartDate, Between(1, 5)); v <= end; v = WorkingDays.AddWorkingDays(v, Chance(Compliance(v)) ? Between(visitDays - 4, visitDays) : Between(visitDays + 1, visitDays * 2)))
        {
            AddVisit(s, v, VisitKind.ChildProtection, 0.65);
        }

        if (p.EndDate > to)
        {
            p.EndDate = null;
            p.EndReason = null;
        }
    }

    private void FinishCare(ChildState s, CarePeriod c)
    {
        if (c.Start > to)
        {
            return;
        }

        if (c.Adoption is { } ad && !IsRemoved(ad))
        {
            ClipAdoption(ad);
        }

        if (c.Proceedings is { } pr && pr.FinalHearingDate > to)
        {
            pr.FinalHearingDate = null;
            pr.FinalOrder = FinalOrder.None;
        }

        var end = c.End <= to ? c.End : (DateOnly?)null;
        WriteEpisodes(s, c, end);
        WritePreviousPermanence(s, c);
        var last = Min(c.End, to);

        // Statutory reviews: 20 working days, then 3 months, then every 6 months.
        var review = WorkingDays.AddWorkingDays(c.Start, 20);
        var n = 0;
        while (review < c.End && review <= to)
        {
            var held = Chance(Compliance(review) + 0.08) ? review.AddDays(-Between(0, 7)) : review.AddDays(Between(3, 35));
            if (held >= c.End || held > to)
            {
                break;
            }

            if (InDetail(held))
            {
                var age = s.Child.AgeOn(held) ?? 0;
                data.CareReviews.Add(new CareReview
                {
                    Id = IdBase + data.CareReviews.Count + 1,
                    ChildId = s.Child.Id,
                    Date = held,
                    Participation = age < 4 ? ReviewParticipation.UnderFour : Pick(Participations),
                });
            }

            n++;
            review = n == 1 ? held.AddMonths(3) : held.AddMonths(6);
        }

        // Social worker visits: within a week of each placement, then at most every six weeks.
        foreach (var p in c.Placements)
        {
            if (p.Date < c.End)
            {
                AddVisit(s, p.Date.AddDays(Between(1, 7)), VisitKind.LookedAfter, 0.6);
            }
        }

        for (var v = c.Start.AddDays(Between(30, 42)); v < last; v = v.AddDays(Chance(Compliance(v)) ? Between(28, 42) : Between(43, 75)))
        {
            AddVisit(s, v, VisitKind.LookedAfter, 0.6);
        }

        // Health: initial assessment, then reviews; dental checks yearly.
        if (c.End.DayNumber - c.Start.DayNumber > 28)
        {
            var iha = WorkingDays.AddWorkingDays(c.Start, Chance(Compliance(c.Start)) ? Between(5, 20) : Between(21, 50));
            for (var h = iha; h < last; h = h.AddMonths((s.Child.AgeOn(h) ?? 0) < 5 ? 6 : 12).AddDays(Between(-20, 30)))
            {
                if (InDetail(h))
                {
                    data.HealthChecks.Add(new HealthCheck { Id = IdBase + data.HealthChecks.Count + 1, ChildId = s.Child.Id, Date = h, Kind = h == iha ? HealthCheckKind.InitialHealthAssessment : HealthCheckKind.ReviewHealthAssessment });
                }
            }

            for (var d = c.Start.AddDays(Between(60, 300)); d < last; d = d.AddDays(Between(300, 420)))
            {
                if (InDetail(d) && (s.Child.AgeOn(d) ?? 0) >= 1 && Chance(0.9))
                {
                    data.HealthChecks.Add(new HealthCheck { Id = IdBase + data.HealthChecks.Count + 1, ChildId = s.Child.Id, Date = d, Kind = HealthCheckKind.DentalCheck });
                }
            }
        }

        // Missing and away episodes, mostly teenagers.
        if ((s.Child.AgeOn(c.Start) ?? 0) >= 11 && Chance(0.35))
        {
            for (var m = c.Start.AddDays((int)(-Math.Log(1 - rng.NextDouble()) * 150)); m < last; m = m.AddDays(Math.Max(3, (int)(-Math.Log(1 - rng.NextDouble()) * 120))))
            {
                if (!InDetail(m))
                {
                    continue;
                }

                var back = m.AddDays(Between(0, 3));
                var offered = Chance(0.85);
                data.MissingEpisodes.Add(new MissingEpisode
                {
                    Id = IdBase + data.MissingEpisodes.Count + 1,
                    ChildId = s.Child.Id,
                    Type = Chance(0.65) ? MissingType.Missing : MissingType.Away,
                    StartDate = m,
                    EndDate = back <= to ? back : null,
                    ReturnInterviewOffered = offered,
                    ReturnInterviewAccepted = offered && Chance(0.55),
                });
            }
        }

        // Outcomes of children looked after for a year at each 31 March.
        for (var year = c.Start.Year + 1; year <= to.Year + 1; year++)
        {
            var march = new DateOnly(year, 3, 31);
            // Looked after for 12 months at 31 March: since 1 April or earlier (SSDA903 rule 191).
            if (march > last || march < c.Start.AddYears(1).AddDays(-1) || !InDetail(march))
            {
                continue;
            }

            var age = s.Child.AgeOn(march) ?? 0;
            var sdq = age is >= 4 and <= 16 && Chance(0.85);
            data.AnnualOutcomes.Add(new AnnualOutcome
            {
                Id = IdBase + data.AnnualOutcomes.Count + 1,
                ChildId = s.Child.Id,
                YearEnding = march,
                SdqScore = sdq ? Math.Clamp((int)Math.Round(15 + (6 * Normal())), 0, 40) : null,
                // No SDQ at all under 4 at the year end or 17 at its start (SSDA903 rules 188, 189).
                SdqReason = sdq || age < 4 || (s.Child.AgeOn(march.AddYears(-1).AddDays(1)) ?? 0) >= 17 ? null : age > 16 ? SdqReason.Age : SdqReason.Other,
                Convicted = age >= 10 && Chance(0.03),
                ImmunisationsUpToDate = Chance(0.88),
                SubstanceMisuse = age >= 11 && Chance(0.04),
                InterventionReceived = false,
                InterventionOffered = false,
            });
        }

        // Care leavers: contact around each birthday from 17 to 21.
        if (c.LeavesAsCareLeaver(to))
        {
            for (var birthday = 17; birthday <= 21; birthday++)
            {
                var date = s.Child.DateOfBirth!.Value.AddYears(birthday).AddDays(Between(-20, 30));
                if (date < c.End || !InDetail(date))
                {
                    continue;
                }

                var inTouch = Chance(0.9);
                var activity = !inTouch ? CareLeaverActivity.NotApplicable : rng.NextDouble() switch
                {
                    < 0.06 => CareLeaverActivity.HigherEducation,
                    < 0.30 => CareLeaverActivity.OtherEducation,
                    < 0.36 => CareLeaverActivity.Apprenticeship,
                    < 0.55 => CareLeaverActivity.Employment,
                    < 0.62 => CareLeaverActivity.NeetIllness,
                    < 0.92 => CareLeaverActivity.NeetOther,
                    _ => CareLeaverActivity.NeetParenting,
                };
                var accommodation = !inTouch ? CareLeaverAccommodation.NotApplicable : new CareLeaverAccommodation(
                    Pick(AccommodationLetters(birthday)) + (Chance(0.88) ? "1" : "2"));
                data.CareLeaverContacts.Add(new CareLeaverContact
                {
                    Id = IdBase + data.CareLeaverContacts.Count + 1,
                    ChildId = s.Child.Id,
                    ContactDate = date,
                    InTouch = inTouch ? CareLeaverInTouch.Yes : Chance(0.5) ? CareLeaverInTouch.No : CareLeaverInTouch.Refused,
                    Activity = activity,
                    Accommodation = accommodation,
                    PathwayPlanReviewDate = inTouch ? date.AddDays(-Between(10, 170)) : null,
                });
            }
        }
    }

    private static readonly ReviewParticipation[] Participations = [.. new[] { "PN1", "PN1", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7" }.Select(c => new ReviewParticipation(c))];

    private static string[] AccommodationLetters(int age) => age == 17 ? ["B", "D", "E", "U", "C"] : ["B", "D", "E", "U", "U", "Z", "K", "T"];

    private void ClipAdoption(AdoptionRecord ad)
    {
        if (ad.DecisionDate > to)
        {
            Remove(ad);
            return;
        }

        ad.PlacementOrderDate = ad.PlacementOrderDate > to ? null : ad.PlacementOrderDate;
        ad.InterestDate = ad.InterestDate > to ? null : ad.InterestDate;
        if (ad.MatchDate > to)
        {
            ad.MatchDate = null;
            ad.NumberOfAdopters = null;
            ad.AdopterSex = null;
            ad.AdopterLegalStatus = null;
        }

        ad.PlacedDate = ad.PlacedDate > to ? null : ad.PlacedDate;
        ad.AdoptionOrderDate = ad.AdoptionOrderDate > to ? null : ad.AdoptionOrderDate;
    }

    /// <summary>The latest item dated on or before the date (the lists are short; ties keep the later one).</summary>
    private static T LatestOn<T>(List<T> items, DateOnly date, Func<T, DateOnly> dateOf)
    {
        var found = false;
        T best = default!;
        var bestDate = DateOnly.MinValue;
        foreach (var item in items)
        {
            var d = dateOf(item);
            if (d <= date && (!found || d >= bestDate))
            {
                best = item;
                bestDate = d;
                found = true;
            }
        }

        return found ? best : throw new InvalidOperationException("No change point on or before the date.");
    }

    /// <summary>The previous permanence option recorded when a period of care starts (SSDA903 PrevPerm, rule 630):
    /// the adoption, special guardianship or child arrangements order the child left an earlier period of care with,
    /// here, else none (Z1). Made from the record, with no random draw.</summary>
    private void WritePreviousPermanence(ChildState s, CarePeriod c)
    {
        var before = s.CarePeriods.Where(p => p != c && p.End <= c.Start && p.End <= to).OrderBy(p => p.End).LastOrDefault();
        var type = before?.EndReason.Code switch
        {
            "E11" or "E12" => "P1",
            "E45" or "E46" or "E47" or "E48" => "P2",
            "E41" => "P3",
            _ => "Z1",
        };
        var record = new PreviousPermanenceRecord
        {
            Id = IdBase + data.PreviousPermanence.Count + 1,
            ChildId = s.Child.Id,
            Type = PreviousPermanence.FromCode(type),
        };
        if (type != "Z1")
        {
            record.LaCode = profile.LaCode;
            record.Date = before!.End.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        }

        data.PreviousPermanence.Add(record);
    }

    /// <summary>Turns a period's change points into SSDA903 episodes.</summary>
    private void WriteEpisodes(ChildState s, CarePeriod c, DateOnly? end)
    {
        var changes = new SortedSet<DateOnly>();
        foreach (var l in c.Legal)
        {
            if (l.Date < c.End && l.Date <= to)
            {
                changes.Add(l.Date);
            }
        }

        foreach (var p in c.Placements)
        {
            if (p.Date < c.End && p.Date <= to)
            {
                changes.Add(p.Date);
            }
        }

        changes.Add(c.Start);
        var points = changes.Where(d => d >= c.Start).ToList();
        CareEpisode? previous = null;
        LegalStatus? currentLegal = null;
        (DateOnly Date, PlacementType Place, PlacementProvider? Provider, PlacementChangeReason Reason, string? Postcode, string? Urn)? currentPlacement = null;
        for (var i = 0; i < points.Count; i++)
        {
            var date = points[i];
            var legal = LatestOn(c.Legal, date, l => l.Date).Status;
            var placement = LatestOn(c.Placements, date, p => p.Date);
            var legalChanged = currentLegal is not null && legal != currentLegal;
            var placeChanged = currentPlacement is not null && placement.Date != currentPlacement.Value.Date;
            if (previous is not null && !legalChanged && !placeChanged)
            {
                continue;
            }

            var rne = previous is null ? ReasonNewEpisode.Started
                : legalChanged && placeChanged ? ReasonNewEpisode.LegalAndPlacement
                : legalChanged ? ReasonNewEpisode.LegalStatusChange
                : placement.Place.Code is "A5" && currentPlacement?.Place.Code is "U6" or "U4" or "U3" or "U1" ? ReasonNewEpisode.SameCarerMove
                : ReasonNewEpisode.PlacementChange;
            if (previous is not null)
            {
                previous.EndDate = date;
                previous.ReasonEnded = ReasonEpisodeCeased.Continues;
                if (placeChanged)
                {
                    previous.ReasonPlacementChanged = placement.Reason;
                }
            }

            var episode = new CareEpisode
            {
                Id = IdBase + data.CareEpisodes.Count + 1,
                ChildId = s.Child.Id,
                StartDate = date,
                ReasonNew = rne,
                LegalStatus = legal,
                CategoryOfNeed = c.Need,
                Placement = placement.Place,
                Provider = placement.Provider,
                HomePostcode = s.Child.Postcode,
                PlacementPostcode = placement.Postcode,
                Urn = placement.Urn,
            };
            if (episode.PlacementPostcode is not null && Defect(s, "placement-postcode-missing", "Placement postcode not recorded"))
            {
                episode.PlacementPostcode = null;
            }

            data.CareEpisodes.Add(episode);
            previous = episode;
            currentLegal = legal;
            currentPlacement = placement;
        }

        if (previous is not null && end is { } e)
        {
            previous.EndDate = e;
            previous.ReasonEnded = c.EndReason;
        }
    }
}

internal sealed partial class Generator
{
    /// <summary>Drops what was overtaken and closes what is still open at the end date.</summary>
    private void Tidy()
    {
        static void Drop<T>(List<T> list)
            where T : Entity => list.RemoveAll(x => IsRemoved(x));

        Drop(data.ChildInNeedPlans);
        Drop(data.ProtectionPlans);
        Drop(data.Conferences);
        Drop(data.Adoptions);
        var conferencePlans = data.ProtectionPlans.Select(p => p.Id).ToHashSet();
        foreach (var c in data.Conferences)
        {
            if (c.PlanId is { } id && !conferencePlans.Contains(id))
            {
                c.PlanId = null;
                c.Outcome = ConferenceOutcome.NoPlan;
            }
        }

        data.EarlyHelp.RemoveAll(e => e.StartDate > to);
        foreach (var e in data.EarlyHelp)
        {
            if (e.EndDate > to)
            {
                e.EndDate = null;
                e.EndReason = null;
            }

            if (e.AssessmentCompletedDate > to)
            {
                e.AssessmentCompletedDate = null;
            }

            if (e.AssessmentStartDate > to)
            {
                e.AssessmentStartDate = null;
            }
        }

        foreach (var c in data.Contacts)
        {
            if (c.DecidedAt is { } d && DateOnly.FromDateTime(d) > to)
            {
                c.DecidedAt = null;
                c.DecidedByWorkerId = null;
                c.SignedOffByWorkerId = null;
                c.SignedOffAt = null;
                c.Outcome = c.Outcome == ContactOutcome.Referral ? ContactOutcome.Referral : ContactOutcome.Pending;
            }
        }

        data.PreProceedings.RemoveAll(p => p.StartDate > to);
        foreach (var p in data.PreProceedings)
        {
            if (p.MeetingDate > to)
            {
                p.MeetingDate = null;
            }

            if (p.EndDate > to)
            {
                p.EndDate = null;
                p.Outcome = PreProceedingsOutcome.Ongoing;
            }
        }

        data.CareProceedings.RemoveAll(p => p.IssueDate > to);
    }
}
