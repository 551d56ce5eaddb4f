using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Lantern.Domain.Identifiers;

/// <summary>
/// The local authority's own child identifier (CIN census LAchildID, N00097; SSDA903 CHILD):
/// 1–20 characters, ASCII letters and digits only (CIN validation rules 1570/1580). Case is preserved.
/// </summary>
public readonly record struct LaChildId : IParsable<LaChildId>
{
    /// <summary>Maximum length allowed by the DfE returns.</summary>
    public const int MaxLength = 20;

    private readonly string? _value;

    private LaChildId(string value) => _value = value;

    /// <summary>The identifier (empty for <c>default(LaChildId)</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>True if <paramref name="s"/> (ignoring surrounding whitespace) is a valid LA child id.</summary>
    public static bool IsValid([NotNullWhen(true)] string? s) => TryParseCore(s, out _) is null;

    /// <summary>Parses an LA child id; surrounding whitespace is ignored.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out LaChildId value) => TryParseCore(s, out value) is null;

    /// <summary>Parses an LA child id or throws <see cref="FormatException"/> explaining what is wrong.</summary>
    public static LaChildId Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        string? error = TryParseCore(s, out var value);
        return error is null ? value : throw new FormatException("Invalid LA child ID: " + error);
    }

    static LaChildId IParsable<LaChildId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<LaChildId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out LaChildId result) =>
        TryParse(s, out result);

    /// <summary>
    /// A valid id for the synthetic data generator: <paramref name="prefix"/> followed by the serial padded
    /// to 8 digits (e.g. <c>LC00000042</c>), so ids sort in creation order.
    /// </summary>
    public static LaChildId FromSerial(long serial, string prefix = "LC")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        string candidate = prefix + serial.ToString("D8", CultureInfo.InvariantCulture);
        return TryParse(candidate, out var id)
            ? id
            : throw new ArgumentException("Prefix and serial do not make a valid LA child ID (1–20 letters/digits).", nameof(prefix));
    }

    private static string? TryParseCore(string? s, out LaChildId value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(s))
        {
            return "value is empty.";
        }

        string candidate = s.Trim();
        if (candidate.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"must be at most {MaxLength} characters but has {candidate.Length}.");
        }

        foreach (char c in candidate)
        {
            // ASCII only: the DfE returns reject accented letters even though char.IsLetterOrDigit accepts them.
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return "only letters A–Z and digits 0–9 are allowed.";
            }
        }

        value = new LaChildId(candidate);
        return null;
    }
}
