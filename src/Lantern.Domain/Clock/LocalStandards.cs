using System.Runtime.CompilerServices;
using Lantern.Domain.Model;

namespace Lantern.Domain.Clock;

/// <summary>
/// The timescales a council sets for itself where national guidance gives no number, or where it
/// chooses to work to its own target. The defaults are the common practice recorded in the domain
/// reference (section 1); <see cref="From(LocalAuthority)"/> takes the ones the council has configured.
/// </summary>
/// <remarks>Every value must be at least 1: a zero interval would make every visit or meeting due on
/// the day of the one before, which is never what a council means.</remarks>
public sealed record LocalStandards
{
    public const int DefaultChildProtectionVisitWorkingDays = 10;
    public const int DefaultChildInNeedVisitWorkingDays = 20;
    public const int DefaultChildInNeedReviewMonths = 3;
    public const int DefaultContactDecisionWorkingDays = 1;
    public const int DefaultFirstCoreGroupWorkingDays = 10;
    public const int DefaultCoreGroupIntervalWeeks = 6;
    public const int DefaultIcpcWorkingDays = 15;
    public const int DefaultInitialHealthAssessmentWorkingDays = 20;
    public const int DefaultLadoInitialDecisionWorkingDays = 1;

    /// <summary>The defaults, for callers with no authority row (tests, tools).</summary>
    public static LocalStandards Default { get; } = new();

    /// <summary>Visits to a child on a child protection plan (T8): no national frequency.</summary>
    public int ChildProtectionVisitWorkingDays { get; init => field = Positive(value); } = DefaultChildProtectionVisitWorkingDays;

    /// <summary>Visits to a child on a child in need plan.</summary>
    public int ChildInNeedVisitWorkingDays { get; init => field = Positive(value); } = DefaultChildInNeedVisitWorkingDays;

    /// <summary>Reviews of a child in need plan.</summary>
    public int ChildInNeedReviewMonths { get; init => field = Positive(value); } = DefaultChildInNeedReviewMonths;

    /// <summary>Decision on a contact or referral (T1); some councils use 24 hours instead.</summary>
    public int ContactDecisionWorkingDays { get; init => field = Positive(value); } = DefaultContactDecisionWorkingDays;

    /// <summary>First core group after the initial conference (T5).</summary>
    public int FirstCoreGroupWorkingDays { get; init => field = Positive(value); } = DefaultFirstCoreGroupWorkingDays;

    /// <summary>Later core groups (T5): "every 4 to 6 weeks" is local practice.</summary>
    public int CoreGroupIntervalWeeks { get; init => field = Positive(value); } = DefaultCoreGroupIntervalWeeks;

    /// <summary>Strategy discussion to initial child protection conference (T4).</summary>
    public int IcpcWorkingDays { get; init => field = Positive(value); } = DefaultIcpcWorkingDays;

    /// <summary>Initial health assessment after becoming looked after (T18); some areas use 28 days.</summary>
    public int InitialHealthAssessmentWorkingDays { get; init => field = Positive(value); } = DefaultInitialHealthAssessmentWorkingDays;

    /// <summary>LADO decision on initial action after an allegation is received (T30).</summary>
    public int LadoInitialDecisionWorkingDays { get; init => field = Positive(value); } = DefaultLadoInitialDecisionWorkingDays;

    /// <summary>The standards configured on the council's own row; the rest keep their defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A configured value is zero or negative.</exception>
    public static LocalStandards From(LocalAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return new LocalStandards
        {
            ChildProtectionVisitWorkingDays = authority.ChildProtectionVisitWorkingDays,
            ChildInNeedVisitWorkingDays = authority.ChildInNeedVisitWorkingDays,
            ChildInNeedReviewMonths = authority.ChildInNeedReviewMonths,
        };
    }

    private static int Positive(int value, [CallerMemberName] string name = "")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
        return value;
    }
}
