using Lantern.Domain.Codes;

namespace Lantern.Returns.Ssda903;

/// <summary>
/// The codes of each collection year's 903 layout (src/Lantern.Returns/Schemas/Ssda903/*.yml) where they differ from
/// Lantern's own lists, in one place: what an export writes for a year, and what an import stores for a code of any year.
/// </summary>
internal static class Ssda903Codes
{
    /// <summary>SEX in Header and UASC: 1/2 to 2023-24, M/F/U from 2024-25 (the 2025 diff).</summary>
    public const int SexLettersFrom = 2025;

    /// <summary>ACTIV: F3/P3 (training or employment) to 2020-21; F4/P4 (apprenticeship) and F5/P5 from 2021-22.</summary>
    public const int ApprenticeshipFrom = 2022;

    public static readonly IReadOnlySet<string> ZeroOne = new HashSet<string>(StringComparer.Ordinal) { "0", "1" };

    public static readonly IReadOnlySet<string> AnySex = new HashSet<string>(StringComparer.Ordinal) { "1", "2", "M", "F", "U" };

    public static readonly IReadOnlySet<string> AnyActivity =
        CareLeaverActivity.Set.Entries.Select(e => e.Code).Append("F3").Append("P3").ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// SEX as the year codes it. Before 2024-25 the 903 had only 1 (male) and 2 (female): a child whose sex is not known
    /// is written blank rather than guessed, so the DfE validator flags the record for the council to complete.
    /// </summary>
    public static string Sex(Sex sex, CollectionYear year) =>
        year.EndYear >= SexLettersFrom ? sex.Code : sex.Code switch { "M" => "1", "F" => "2", _ => "" };

    /// <summary>
    /// PLACE as the year codes it. K3 (registered supported accommodation, from 2024-25) replaced H5 (semi-independent
    /// living) and P2 (independent living): each is written as the other side's nearest code. Z11-Z14 (from 2025-26) are
    /// sub-codes of Z1 and are written Z1 before then. Z1 itself is written as recorded from 2025-26: the 2026 layout still
    /// lists it, and which sub-code applies cannot be known without asking the worker.
    /// </summary>
    public static string Placement(PlacementType place, CollectionYear year) => place.Code switch
    {
        "K3" when year.EndYear < 2025 => "H5",
        "H5" or "P2" when year.EndYear >= 2025 => "K3",
        "Z11" or "Z12" or "Z13" or "Z14" when year.EndYear < 2026 => "Z1",
        var code => code,
    };

    /// <summary>ACTIV as the year codes it: before 2021-22 apprenticeships and other training or employment were one code
    /// (F3 full time, P3 part time).</summary>
    public static string Activity(CareLeaverActivity activity, CollectionYear year) => activity.Code switch
    {
        "F4" or "F5" when year.EndYear < ApprenticeshipFrom => "F3",
        "P4" or "P5" when year.EndYear < ApprenticeshipFrom => "P3",
        var code => code,
    };

    /// <summary>Whether some year's layout writes <paramref name="recorded"/> as <paramref name="written"/>: then a file
    /// holding it says nothing new (H5 in a 2023-24 file for a record of K3), whatever year the file is for.</summary>
    public static bool WrittenAs(Func<CollectionYear, string> recorded, string written)
    {
        for (var y = CollectionYear.Earliest; y <= CollectionYear.Latest; y++)
        {
            if (recorded(new CollectionYear(y)) == written)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>SEX of any year as Lantern stores it; blank is not known.</summary>
    public static Sex ReadSex(string code) => code switch
    {
        "1" or "M" => Domain.Codes.Sex.Male,
        "2" or "F" => Domain.Codes.Sex.Female,
        _ => Domain.Codes.Sex.Unknown,
    };

    /// <summary>ACTIV of any year: the retired F3/P3 (training or employment) are stored as F5/P5, the codes that took
    /// over their meaning apart from apprenticeships.</summary>
    public static CareLeaverActivity ReadActivity(string code) => code switch
    {
        "F3" => CareLeaverActivity.FromCode("F5"),
        "P3" => CareLeaverActivity.FromCode("P5"),
        _ => CareLeaverActivity.FromCode(code),
    };
}
