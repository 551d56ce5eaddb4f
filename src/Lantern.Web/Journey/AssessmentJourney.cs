using System.Globalization;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;

namespace Lantern.Web.Journey;

/// <summary>What the referral, assessment and closure pages share: which referral and assessment
/// are open, the DfE collection year whose codes are offered, and the two 45-working-day clocks of
/// an assessment (from the referral, Working Together; from the start, the DfE measure), worked out
/// by <see cref="StatutoryClock.DueDates"/>.</summary>
public static class AssessmentJourney
{
    /// <summary>The DfE collection year (ending 31 March) that contains <paramref name="today"/>.</summary>
    public static int CollectionYear(DateOnly today) => today.Month >= 4 ? today.Year + 1 : today.Year;

    /// <summary>The child's open referral (not closed), the latest when there is more than one.</summary>
    public static Referral? OpenReferral(ChildFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Referrals.Where(r => r.ClosureDate is null)
            .OrderByDescending(r => r.ReferralDate).ThenByDescending(r => r.Id).FirstOrDefault();
    }

    /// <summary>The assessment of the referral not yet authorised, if any.</summary>
    public static Assessment? OpenAssessment(ChildFile file, long referralId)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Assessments.Where(a => a.ReferralId == referralId && a.AuthorisationDate is null)
            .OrderByDescending(a => a.StartDate).ThenByDescending(a => a.Id).FirstOrDefault();
    }

    /// <summary>The open child in need plan, if any.</summary>
    public static ChildInNeedPlan? OpenChildInNeedPlan(ChildFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.ChildInNeedPlans.Where(p => p.EndDate is null).OrderByDescending(p => p.StartDate).FirstOrDefault();
    }

    /// <summary>Whether a child protection plan or care episode is open: a case cannot be closed while one is.</summary>
    public static string? CannotCloseBecause(ChildFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.ProtectionPlans.FirstOrDefault(p => p.EndDate is null) is { } plan)
        {
            return $"The child has been on a child protection plan since {Display.Date(plan.StartDate)}. End the plan before closing the case";
        }

        if (file.CareEpisodes.FirstOrDefault(e => e.EndDate is null) is { } episode)
        {
            return $"The child has been looked after since {Display.Date(episode.StartDate)}. End the care episode before closing the case";
        }

        return null;
    }

    /// <summary>A referral date may not be before the child's birth; for an unborn child, not more
    /// than 40 weeks before the expected date of birth (CIN rule 8606).</summary>
    public static void CheckReferralDate(FormReader form, FieldSpec field, DateOnly? date, Child child)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(child);
        if (date is not { } d)
        {
            return;
        }

        if (child.DateOfBirth is { } dob && d < dob)
        {
            form.Error(field, $"{FormReader.Capital(field.Subject)} must be the same as or after the child's date of birth, {Display.Date(dob)}");
        }
        else if (child.DateOfBirth is null && child.ExpectedDateOfBirth is { } expected && d < expected.AddDays(-280))
        {
            form.Error(field, $"{FormReader.Capital(field.Subject)} must be no more than 40 weeks before the child's expected date of birth, {Display.Date(expected)}");
        }
    }

    /// <summary>Puts a date into the form's day, month and year boxes.</summary>
    public static void PutDate(Dictionary<string, string?> values, FieldSpec field, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(field);
        values[field.Name + "-day"] = date.Day.ToString(CultureInfo.InvariantCulture);
        values[field.Name + "-month"] = date.Month.ToString(CultureInfo.InvariantCulture);
        values[field.Name + "-year"] = date.Year.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The two assessment clocks as rows for a page's facts: from the referral (Working
    /// Together) and, once the assessment has started, from its start (the DfE measure).</summary>
    public static IEnumerable<SummaryListRow> Clocks(Referral referral, Assessment? assessment, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(referral);
        yield return new SummaryListRow("Referral date", Display.Date(referral.ReferralDate));
        if (assessment is not null)
        {
            yield return new SummaryListRow("Assessment started", Display.Date(assessment.StartDate));
        }

        yield return Clock(
            ClockRules.AssessmentFromReferral,
            "Assessment due (45 working days from the referral)",
            "Working Together 2023, 45 working days from the referral",
            referral.ReferralDate,
            assessment?.AuthorisationDate,
            today);
        if (assessment is not null)
        {
            yield return Clock(
                ClockRules.AssessmentFromStart,
                "Assessment due (45 working days from the start)",
                "DfE children in need census measure, 45 working days from the assessment start",
                assessment.StartDate,
                assessment.AuthorisationDate,
                today);
        }
    }

    private static SummaryListRow Clock(string rule, string title, string basis, DateOnly from, DateOnly? completed, DateOnly today)
    {
        var due = StatutoryClock.DueDates.AssessmentDue(from);
        var item = new ClockItem(rule, title, basis, from, due, completed, StatutoryClock.StatusOn(due, completed, today));
        return new SummaryListRow(title, $"{Display.Date(due)} ({ClockText.Status(item, today)})");
    }
}
