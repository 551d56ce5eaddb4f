using System.Collections.Frozen;
using System.Text;

namespace Lantern.Domain.Journey;

/// <summary>The details of a child given at the front door, to look for the child among those
/// already known.</summary>
/// <param name="GivenName">Given name as typed.</param>
/// <param name="FamilyName">Family name as typed.</param>
/// <param name="Born">Date of birth, or the expected date of birth of an unborn child.</param>
/// <param name="NhsNumber">The NHS number's 10 digits, when given.</param>
public sealed record DuplicateQuery(string GivenName, string FamilyName, DateOnly? Born, string? NhsNumber);

/// <summary>A child already known, as the matcher sees them.</summary>
public sealed record DuplicateCandidate(long Id, string GivenName, string FamilyName, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, string? NhsNumber);

/// <summary>How a name compares with the one given.</summary>
public enum NameMatch
{
    /// <summary>The same once case, accents, hyphens, apostrophes and spaces are set aside.</summary>
    Same = 0,

    /// <summary>A common short form of the same given name (Bill and William).</summary>
    Nickname = 1,

    /// <summary>One letter different, missing, extra, or two neighbouring letters swapped.</summary>
    Typo = 2,

    /// <summary>Given and family names the other way round.</summary>
    Swapped = 3,

    /// <summary>Not similar.</summary>
    None = 9,
}

/// <summary>How a date of birth compares with the one given.</summary>
public enum DateMatch
{
    Same = 0,

    /// <summary>Day and month the other way round (3 April and 4 March).</summary>
    DayMonthSwapped = 1,

    None = 9,
}

/// <summary>One possible duplicate: the child, why they match, and a rank (lower first).</summary>
public sealed record DuplicateMatch(long ChildId, bool SameNhsNumber, NameMatch Name, DateMatch Date, int Rank)
{
    /// <summary>Why the child is shown, in words, for example "Same NHS number" or
    /// "Similar name (one letter different) and the same date of birth".</summary>
    public string Why
    {
        get
        {
            if (SameNhsNumber)
            {
                return "Same NHS number";
            }

            var name = Name switch
            {
                NameMatch.Same => "Same name",
                NameMatch.Nickname => "Similar name (a short form of the given name)",
                NameMatch.Typo => "Similar name (one letter different)",
                _ => "Same names the other way round",
            };
            return name + (Date == DateMatch.Same ? " and the same date of birth" : " and a date of birth with the day and month swapped");
        }
    }
}

/// <summary>
/// Finds children already known who may be the child a contact is about, so that the front door
/// does not create a second record. An exact NHS number match comes first; otherwise a child matches
/// on a similar name (ignoring case, accents, hyphens and spaces; a common nickname; one typing
/// slip; or given and family names swapped) together with the same date of birth, or one with the
/// day and month transposed. Names alone, or dates alone, never match: too many children share them.
/// </summary>
public static class DuplicateMatcher
{
    // Groups of given names that are the same name to a person typing a referral quickly.
    private static readonly string[][] NicknameGroups =
    [
        ["william", "will", "bill", "billy", "liam", "willie"],
        ["robert", "rob", "bob", "bobby", "robbie", "bert"],
        ["elizabeth", "liz", "lizzie", "beth", "betty", "eliza", "libby", "lisa", "bess"],
        ["margaret", "maggie", "meg", "peggy", "madge"],
        ["katherine", "catherine", "kathryn", "katharine", "kate", "katie", "kat", "cathy", "kathy", "kitty"],
        ["thomas", "tom", "tommy"],
        ["james", "jim", "jimmy", "jamie"],
        ["michael", "mike", "mikey", "mick", "mickey"],
        ["alexander", "alex", "xander", "sandy", "alec"],
        ["alexandra", "alex", "lexi", "lexie", "sasha"],
        ["daniel", "dan", "danny"],
        ["samuel", "sam", "sammy"],
        ["samantha", "sam", "sammy"],
        ["joseph", "joe", "joey"],
        ["benjamin", "ben", "benny"],
        ["matthew", "matt", "matty"],
        ["christopher", "chris", "kit"],
        ["christine", "christina", "chris", "tina"],
        ["nicholas", "nick", "nicky"],
        ["nicola", "nicole", "nicky", "nikki"],
        ["jonathan", "jon", "jonny"],
        ["john", "johnny", "jack"],
        ["edward", "ed", "eddie", "ted", "ned"],
        ["richard", "rich", "rick", "ricky", "richie", "dick"],
        ["anthony", "tony", "ant"],
        ["charles", "charlie", "chas"],
        ["charlotte", "charlie", "lottie"],
        ["jessica", "jess", "jessie"],
        ["rebecca", "becky", "becca"],
        ["victoria", "vicky", "tori"],
        ["abigail", "abby", "abbie", "abi"],
        ["olivia", "liv", "livvy", "livia"],
        ["amelia", "millie", "milly", "amy"],
        ["isabella", "isabelle", "isabel", "izzy", "bella", "issy"],
        ["henry", "harry", "hal"],
        ["harold", "harry"],
        ["jacob", "jake"],
        ["joshua", "josh"],
        ["oliver", "ollie", "olly"],
        ["frederick", "fred", "freddie", "freddy"],
        ["theodore", "theo", "ted", "teddy"],
        ["archibald", "archie"],
        ["zachary", "zach", "zack"],
        ["nathan", "nathaniel", "nate", "nat"],
        ["gabriel", "gabe"],
        ["gabriella", "gabrielle", "gabby", "gabi"],
        ["susan", "sue", "susie", "suzy"],
        ["deborah", "debbie", "deb", "debs"],
        ["jennifer", "jenny", "jen", "jenni"],
        ["patricia", "pat", "trish", "patty"],
        ["stephen", "steven", "steve", "stevie"],
        ["andrew", "andy", "drew"],
        ["david", "dave", "davy", "davey"],
        ["peter", "pete"],
        ["madeleine", "madeline", "madison", "maddie", "maddy"],
        ["eleanor", "elinor", "ellie", "nell", "nellie", "elle"],
        ["emily", "em", "emmy"],
        ["emma", "em"],
        ["sophia", "sophie", "soph"],
        ["penelope", "penny", "poppy"],
        ["florence", "flo", "florrie"],
        ["frances", "francesca", "fran", "frankie"],
        ["francis", "frank", "frankie"],
        ["mohammed", "muhammad", "mohammad", "mohamed", "mo"],
        ["gregory", "greg"],
        ["timothy", "tim", "timmy"],
        ["kenneth", "ken", "kenny"],
        ["ronald", "ron", "ronnie"],
        ["leonard", "leo", "len", "lenny"],
        ["louis", "lewis", "lou"],
        ["louise", "louisa", "lou", "lulu"],
    ];

    private static readonly FrozenDictionary<string, int[]> NicknameIndex = BuildNicknameIndex();

    // Latin letters with diacritics and their plain forms (the app runs with invariant globalization,
    // so Unicode decomposition is not relied on).
    private static readonly FrozenDictionary<char, char> PlainLetters = new (string Accented, char Plain)[]
    {
        ("àáâãäåāăą", 'a'), ("çćĉċč", 'c'), ("ďđ", 'd'), ("èéêëēĕėęě", 'e'), ("ĝğġģ", 'g'), ("ĥħ", 'h'),
        ("ìíîïĩīĭįı", 'i'), ("ĵ", 'j'), ("ķ", 'k'), ("ĺļľŀł", 'l'), ("ñńņň", 'n'), ("òóôõöøōŏő", 'o'),
        ("ŕŗř", 'r'), ("śŝşš", 's'), ("ţťŧ", 't'), ("ùúûüũūŭůűų", 'u'), ("ŵ", 'w'), ("ýÿŷ", 'y'), ("źżž", 'z'),
    }.SelectMany(g => g.Accented.Select(c => KeyValuePair.Create(c, g.Plain))).ToFrozenDictionary();

    /// <summary>The candidate children of <paramref name="query"/>, best first: every child with the
    /// same NHS number, then every child with a similar name and the same (or transposed) date of birth.</summary>
    public static IReadOnlyList<DuplicateMatch> Find(DuplicateQuery query, IEnumerable<DuplicateCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        var matches = new List<(DuplicateMatch Match, DuplicateCandidate Child)>();
        foreach (var child in candidates)
        {
            if (Match(query, child) is { } match)
            {
                matches.Add((match, child));
            }
        }

        return
        [
            .. matches
                .OrderBy(m => m.Match.Rank)
                .ThenBy(m => Fold(m.Child.FamilyName), StringComparer.Ordinal)
                .ThenBy(m => Fold(m.Child.GivenName), StringComparer.Ordinal)
                .ThenBy(m => m.Child.Id)
                .Select(m => m.Match),
        ];
    }

    /// <summary>Whether <paramref name="child"/> may be the child of <paramref name="query"/>, and how; null when not.</summary>
    public static DuplicateMatch? Match(DuplicateQuery query, DuplicateCandidate child)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(child);
        var name = CompareNames(query.GivenName, query.FamilyName, child.GivenName, child.FamilyName);
        var date = query.Born is { } born
            ? Better(CompareDates(born, child.DateOfBirth), CompareDates(born, child.ExpectedDateOfBirth))
            : DateMatch.None;
        if (!string.IsNullOrEmpty(query.NhsNumber) && query.NhsNumber == child.NhsNumber)
        {
            return new DuplicateMatch(child.Id, true, name, date, 0);
        }

        if (name == NameMatch.None || date == DateMatch.None)
        {
            return null;
        }

        // Exact on both first; then one difference of either kind; then both inexact.
        var rank = 1 + (int)name + (date == DateMatch.Same ? 0 : 4);
        return new DuplicateMatch(child.Id, false, name, date, rank);
    }

    /// <summary>The dates a child born on <paramref name="born"/> could have been recorded under:
    /// that date, and the date with day and month swapped when that is a different real date.
    /// For narrowing a database query before <see cref="Find"/>.</summary>
    public static IReadOnlyList<DateOnly> DatesToSearch(DateOnly born) =>
        Transposed(born) is { } swapped ? [born, swapped] : [born];

    /// <summary>How the names compare: the best of the given names (with nicknames and typos) and
    /// family names (with typos), or both swapped over.</summary>
    public static NameMatch CompareNames(string given, string family, string otherGiven, string otherFamily)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(otherGiven);
        ArgumentNullException.ThrowIfNull(otherFamily);
        var g = Fold(given);
        var f = Fold(family);
        var og = Fold(otherGiven);
        var of = Fold(otherFamily);
        if (g.Length == 0 || f.Length == 0 || og.Length == 0 || of.Length == 0)
        {
            return NameMatch.None;
        }

        var givenMatch = CompareGiven(g, og);
        var familyMatch = f == of ? NameMatch.Same : WithinOneEdit(f, of) ? NameMatch.Typo : NameMatch.None;
        if (givenMatch != NameMatch.None && familyMatch != NameMatch.None)
        {
            // Both inexact counts as the weaker of the two (typo over nickname).
            return (NameMatch)Math.Max((int)givenMatch, (int)familyMatch);
        }

        if (g == of && f == og)
        {
            return NameMatch.Swapped;
        }

        return NameMatch.None;
    }

    /// <summary>A name in lower case without accents, and without hyphens, apostrophes, spaces or
    /// full stops, so that "Zoë O'Neill-Smith" and "zoe oneill smith" are the same.</summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var raw in name)
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
                continue;
            }

            switch (c)
            {
                case 'æ':
                    builder.Append("ae");
                    continue;
                case 'œ':
                    builder.Append("oe");
                    continue;
                case 'ß':
                    builder.Append("ss");
                    continue;
            }

            if (PlainLetters.TryGetValue(c, out var plain))
            {
                builder.Append(plain);
            }
            else if (char.IsLetter(c))
            {
                builder.Append(c);
            }

            // Anything else (hyphens, apostrophes, spaces, full stops) is left out.
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> differ by exactly one edit: a
    /// letter changed, added or removed, or two neighbouring letters swapped. Names of fewer than
    /// four letters must be the same (one letter changes "Amy" into "Ava").</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a == b || Math.Min(a.Length, b.Length) < 4 || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        if (a.Length == b.Length)
        {
            var first = -1;
            var differences = 0;
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    differences++;
                    if (first < 0)
                    {
                        first = i;
                    }
                }
            }

            // Two differences are one slip only when they are neighbouring letters swapped.
            return differences == 1
                || (differences == 2 && first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first]);
        }

        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        var skip = 0;
        while (skip < shorter.Length && shorter[skip] == longer[skip])
        {
            skip++;
        }

        return shorter.AsSpan(skip).SequenceEqual(longer.AsSpan(skip + 1));
    }

    /// <summary>Whether the two given names are forms of the same name (Bill and William).</summary>
    public static bool AreNicknames(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var x = Fold(a);
        var y = Fold(b);
        return x != y && NicknameIndex.TryGetValue(x, out var groups) && NicknameIndex.TryGetValue(y, out var others) && groups.Intersect(others).Any();
    }

    private static NameMatch CompareGiven(string g, string og) =>
        g == og ? NameMatch.Same
        : NicknameIndex.TryGetValue(g, out var groups) && NicknameIndex.TryGetValue(og, out var others) && groups.Intersect(others).Any() ? NameMatch.Nickname
        : WithinOneEdit(g, og) ? NameMatch.Typo
        : NameMatch.None;

    private static DateMatch CompareDates(DateOnly born, DateOnly? other) =>
        other is not { } o ? DateMatch.None
        : o == born ? DateMatch.Same
        : Transposed(born) == o ? DateMatch.DayMonthSwapped
        : DateMatch.None;

    private static DateMatch Better(DateMatch a, DateMatch b) => (int)a <= (int)b ? a : b;

    private static DateOnly? Transposed(DateOnly date) =>
        date.Day != date.Month && date.Day <= 12 && date.Month <= DateTime.DaysInMonth(date.Year, date.Day)
            ? new DateOnly(date.Year, date.Day, date.Month)
            : null;

    private static FrozenDictionary<string, int[]> BuildNicknameIndex()
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < NicknameGroups.Length; i++)
        {
            foreach (var name in NicknameGroups[i])
            {
                if (!index.TryGetValue(name, out var list))
                {
                    index[name] = list = [];
                }

                list.Add(i);
            }
        }

        return index.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }
}
