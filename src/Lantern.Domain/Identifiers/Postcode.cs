using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Lantern.Domain.Identifiers;

/// <summary>
/// A UK postcode, normalised to upper case with a single space before the inward code (e.g. <c>DN31 1HU</c>).
/// </summary>
/// <remarks>
/// Validation follows the Royal Mail format rules: outward code A9, A99, AA9, AA99, A9A or AA9A and
/// inward code 9AA, with the positional letter restrictions (no Q/V/X first, no I/J/Z second, limited
/// letters in the A9A/AA9A final position, no C/I/K/M/O/V in the inward letters). GIR 0AA is accepted
/// as the one historic exception. This checks format only – it cannot tell whether the postcode exists.
/// </remarks>
public readonly partial record struct Postcode : IParsable<Postcode>
{
    // The 20 letters allowed in the last two positions of the inward code, in alphabetical order.
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    private readonly string? _value;

    private Postcode(string value) => _value = value;

    /// <summary>The normalised postcode, e.g. <c>DN31 1HU</c> (empty for <c>default(Postcode)</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The outward code (area + district), e.g. <c>DN31</c>.</summary>
    public string Outward => _value is null ? string.Empty : _value[..^4];

    /// <summary>The inward code (sector + unit), e.g. <c>1HU</c>.</summary>
    public string Inward => _value is null ? string.Empty : _value[^3..];

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>
    /// Parses a postcode in any case, with or without the space between outward and inward codes
    /// (<c>dn311hu</c>, <c>DN31  1HU</c>). Whitespace anywhere else makes it invalid.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out Postcode value) => TryParseCore(s, out value) is null;

    /// <summary>Parses a postcode or throws <see cref="FormatException"/> explaining what is wrong.</summary>
    public static Postcode Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        // The message never echoes the input: a child's postcode is personal data and exception text ends up in logs.
        string? error = TryParseCore(s, out var value);
        return error is null ? value : throw new FormatException("Invalid UK postcode: " + error);
    }

    static Postcode IParsable<Postcode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Postcode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Postcode result) =>
        TryParse(s, out result);

    /// <summary>
    /// A syntactically valid postcode in <paramref name="outward"/> for the synthetic data generator:
    /// serial 0–3999 picks the sector digit (serial / 400) and unit letters; distinct serials give distinct
    /// postcodes. The result may or may not be a real, delivered postcode.
    /// </summary>
    /// <param name="outward">A valid outward code, e.g. <c>DN31</c>.</param>
    /// <param name="serial">0–3999.</param>
    public static Postcode Create(string outward, int serial)
    {
        ArgumentNullException.ThrowIfNull(outward);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 3999);
        int unit = serial % 400;
        string candidate = string.Concat(
            outward.Trim().ToUpperInvariant(),
            " ",
            ((char)('0' + (serial / 400))).ToString(),
            InwardLetters[unit / 20].ToString(),
            InwardLetters[unit % 20].ToString());
        return TryParse(candidate, out var postcode)
            ? postcode
            : throw new ArgumentException("Not a valid UK outward code.", nameof(outward));
    }

    private static string? TryParseCore(string? s, out Postcode value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(s))
        {
            return "value is empty.";
        }

        var match = PostcodePattern().Match(s.Trim().ToUpperInvariant());
        if (!match.Success)
        {
            return "expected an outward code (e.g. DN31, M1, SW1A) followed by an inward code (digit and two letters, e.g. 1HU).";
        }

        value = new Postcode(match.Groups["out"].Value + " " + match.Groups["in"].Value);
        return null;
    }

    // Outward alternatives: A9, A99, AA9, AA99, A9A, AA9A (the letter classes encode the positional
    // restrictions); inward: digit + two letters excluding C, I, K, M, O, V.
    [GeneratedRegex(
        @"^(?:(?<out>GIR)\s*(?<in>0AA)|(?<out>[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][ABCDEFGHJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]))\s*(?<in>[0-9][ABD-HJLNP-UW-Z]{2}))$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PostcodePattern();
}
