using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Lantern.Domain.Identifiers;

/// <summary>
/// Unique Pupil Number (CIN census item N00001, FormerUPN N00002): a check letter followed by 12
/// characters – LA number (3 digits), establishment number (4), last two digits of the allocation year
/// (2) and a serial (3 digits, or 2 digits and a letter for a temporary UPN).
/// </summary>
/// <remarks>
/// Check letter (DfE UPN guidance / CIN validation rule 1510): multiply characters 2–13 by weights
/// 2–13, sum, take the remainder mod 23 and map 0–22 to <c>ABCDEFGHJKLMNPQRTUVWXYZ</c> (I, O and S are
/// never used). For a temporary UPN the final letter counts as its index in that same table (A=0, B=1…).
/// Note: a widely copied worked example ("B207000016049 should be Q207000016049") contains an arithmetic
/// slip – the weighted sum is 266, remainder 13, so the correct check letter is P.
/// LA-code plausibility (rule 1530) is deliberately not checked here because the list of valid codes changes.
/// </remarks>
public readonly record struct Upn : IParsable<Upn>
{
    /// <summary>Length of a UPN.</summary>
    public const int Length = 13;

    // Index = value in the mod-23 calculation. Shared by the check letter and the temporary-UPN suffix.
    internal const string LetterTable = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private readonly string? _value;

    private Upn(string value) => _value = value;

    /// <summary>The 13-character upper-case UPN (empty for <c>default(Upn)</c>).</summary>
    public string Value => _value ?? string.Empty;

    // The component accessors return 0 / '\0' for default(Upn) rather than throwing, so that an
    // uninitialised struct in a view model cannot crash a page.

    /// <summary>Character 1, the check letter.</summary>
    public char CheckLetter => _value is null ? '\0' : _value[0];

    /// <summary>Characters 2–4: the LA number of the allocating authority.</summary>
    public int LaNumber => ParseDigits(1, 3);

    /// <summary>Characters 5–8: the DfE establishment number.</summary>
    public int EstablishmentNumber => ParseDigits(4, 4);

    /// <summary>Characters 9–10: last two digits of the year of allocation.</summary>
    public int Year => ParseDigits(8, 2);

    /// <summary>True when the final character is a letter (a temporary UPN).</summary>
    public bool IsTemporary => _value is not null && char.IsAsciiLetterUpper(_value[^1]);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Parses a UPN, accepting surrounding whitespace and lower case (normalised to upper case).</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out Upn value) => TryParseCore(s, out value) is null;

    /// <summary>Parses a UPN or throws <see cref="FormatException"/> explaining what is wrong.</summary>
    public static Upn Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        // The message never echoes the input: a UPN is personal data and exception text ends up in logs.
        string? error = TryParseCore(s, out var value);
        return error is null ? value : throw new FormatException("Invalid UPN: " + error);
    }

    static Upn IParsable<Upn>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Upn>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Upn result) =>
        TryParse(s, out result);

    /// <summary>
    /// Builds a permanent UPN with the correct check letter, e.g. for the synthetic data generator.
    /// </summary>
    /// <param name="laCode">LA number, 0–999.</param>
    /// <param name="establishment">Establishment number, 0–9999.</param>
    /// <param name="year2">Last two digits of the allocation year, 0–99.</param>
    /// <param name="serial">Serial, 0–999.</param>
    public static Upn Create(int laCode, int establishment, int year2, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999);
        return Build(laCode, establishment, year2, serial.ToString("D3", CultureInfo.InvariantCulture));
    }

    /// <summary>Builds a temporary UPN (2-digit serial followed by a letter) with the correct check letter.</summary>
    /// <param name="laCode">LA number, 0–999.</param>
    /// <param name="establishment">Establishment number, 0–9999.</param>
    /// <param name="year2">Last two digits of the allocation year, 0–99.</param>
    /// <param name="serial">Serial, 0–99.</param>
    /// <param name="suffix">Final letter; any letter except I, O and S.</param>
    public static Upn CreateTemporary(int laCode, int establishment, int year2, int serial, char suffix)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 99);
        char upper = char.ToUpperInvariant(suffix);
        if (!LetterTable.Contains(upper, StringComparison.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(suffix), suffix, "Temporary UPN suffix must be a letter other than I, O or S.");
        }

        return Build(laCode, establishment, year2, serial.ToString("D2", CultureInfo.InvariantCulture) + upper);
    }

    /// <summary>Check letter for the 12 characters that follow it (digits, last may be a table letter).</summary>
    internal static char ComputeCheckLetter(ReadOnlySpan<char> body)
    {
        int sum = 0;
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            int v = char.IsAsciiDigit(c) ? c - '0' : LetterTable.IndexOf(c, StringComparison.Ordinal);
            sum += v * (i + 2);
        }

        return LetterTable[sum % 23];
    }

    private static Upn Build(int laCode, int establishment, int year2, string serialPart)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(laCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(laCode, 999);
        ArgumentOutOfRangeException.ThrowIfNegative(establishment);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(establishment, 9999);
        ArgumentOutOfRangeException.ThrowIfNegative(year2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year2, 99);
        string body = string.Create(CultureInfo.InvariantCulture, $"{laCode:D3}{establishment:D4}{year2:D2}{serialPart}");
        return new Upn(ComputeCheckLetter(body) + body);
    }

    private static string? TryParseCore(string? s, out Upn value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(s))
        {
            return "value is empty.";
        }

        string candidate = s.Trim().ToUpperInvariant();
        if (candidate.Length != Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"expected {Length} characters but found {candidate.Length}.");
        }

        if (!LetterTable.Contains(candidate[0], StringComparison.Ordinal))
        {
            return "character 1 must be a check letter (A–Z excluding I, O and S).";
        }

        for (int i = 1; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(candidate[i]))
            {
                return "characters 2–12 must be digits.";
            }
        }

        char last = candidate[^1];
        if (!char.IsAsciiDigit(last) && !LetterTable.Contains(last, StringComparison.Ordinal))
        {
            return "character 13 must be a digit or a letter other than I, O and S.";
        }

        if (ComputeCheckLetter(candidate.AsSpan(1)) != candidate[0])
        {
            return "wrong check letter at character 1.";
        }

        value = new Upn(candidate);
        return null;
    }

    private int ParseDigits(int start, int length) =>
        _value is null ? 0 : int.Parse(_value.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
}
