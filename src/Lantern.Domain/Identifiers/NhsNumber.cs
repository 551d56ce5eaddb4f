using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Lantern.Domain.Identifiers;

/// <summary>
/// NHS number (England, Wales and Isle of Man): 10 digits, the last being a modulus-11 check digit.
/// Displayed in the NHS 3-3-4 form, e.g. <c>943 476 5919</c>.
/// </summary>
/// <remarks>
/// Check digit: weights 10..2 on digits 1–9, check = 11 − (sum mod 11); 11 becomes 0 and 10 means no
/// valid number exists for those nine digits. Numbers made of one repeated digit (0000000000,
/// 9999999999, …) pass the checksum but are typical "unknown" placeholders in case-management data, so
/// they are rejected to stop them being matched as if they identified a child.
/// </remarks>
public readonly record struct NhsNumber : IParsable<NhsNumber>
{
    /// <summary>Largest serial accepted by <see cref="FromSerial"/>.</summary>
    /// <remarks>899,999 would map to 999 999 9999, which is rejected as an all-same-digit placeholder.</remarks>
    public const long MaxSerial = 899_998;

    // Synthetic numbers use the 999 prefix, which is reserved for test data and never issued to a
    // patient (per the NHS number range notes we could find), so generated data cannot collide with a real child.
    private const long SyntheticPrefix = 999_000_000;

    private readonly long _value;

    private NhsNumber(long value) => _value = value;

    /// <summary>The number as an integer (leading zeros are not significant for storage).</summary>
    public long Value => _value;

    /// <summary>The 10 digits without separators, e.g. <c>9434765919</c>.</summary>
    public string Digits => _value.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>The NHS display form <c>943 476 5919</c>.</summary>
    public override string ToString() => _value.ToString("000 000 0000", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses 10 digits, optionally grouped 3-3-4 with single spaces or hyphens
    /// (<c>9434765919</c>, <c>943 476 5919</c>, <c>943-476-5919</c>); surrounding whitespace is ignored.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out NhsNumber value) => TryParseCore(s, out value) is null;

    /// <summary>Parses an NHS number or throws <see cref="FormatException"/> explaining what is wrong.</summary>
    public static NhsNumber Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        // The message never echoes the input: an NHS number is personal data and exception text ends up in logs.
        string? error = TryParseCore(s, out var value);
        return error is null ? value : throw new FormatException("Invalid NHS number: " + error);
    }

    static NhsNumber IParsable<NhsNumber>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<NhsNumber>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out NhsNumber result) =>
        TryParse(s, out result);

    /// <summary>
    /// A valid NHS number in the 999 test range for the synthetic data generator. Distinct serials give
    /// distinct numbers.
    /// </summary>
    /// <param name="n">Serial, 0 to <see cref="MaxSerial"/>.</param>
    public static NhsNumber FromSerial(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxSerial);

        // Each "decade" of nine-digit bases (last base digit 0–9) contains at most one base whose check
        // digit would be 10: the last digit has weight 2, which is invertible mod 11, so the ten sums are
        // distinct mod 11. Taking 9 usable bases per decade therefore maps serials injectively in O(1).
        long decade = n / 9;
        int j = (int)(n % 9);
        long prefix = (SyntheticPrefix / 10) + decade; // first eight digits: 99 9 + five-digit decade
        int partial = WeightedSum(prefix * 10, 9); // the last (weight-2) digit is still 0 here
        // Last digit k is unusable when partial + 2k ≡ 1 (mod 11), i.e. k ≡ 6(1 − partial) (6 = 2⁻¹ mod 11).
        int forbidden = (((1 - partial) % 11) + 11) * 6 % 11;
        int lastDigit = forbidden <= 9 && j >= forbidden ? j + 1 : j;
        long base9 = (prefix * 10) + lastDigit;
        int check = CheckDigit(base9);
        return new NhsNumber((base9 * 10) + check);
    }

    /// <summary>Check digit for nine leading digits, or -1 when no valid check digit exists (remainder gives 10).</summary>
    internal static int CheckDigit(long base9)
    {
        int check = 11 - (WeightedSum(base9, 9) % 11);
        return check switch
        {
            11 => 0,
            10 => -1,
            _ => check,
        };
    }

    // Sum of digit × weight where the rightmost of `count` digits has weight 2 and weights rise leftwards.
    private static int WeightedSum(long digits, int count)
    {
        int sum = 0;
        for (int weight = 2; weight < count + 2; weight++)
        {
            sum += (int)(digits % 10) * weight;
            digits /= 10;
        }

        return sum;
    }

    private static string? TryParseCore(string? s, out NhsNumber value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(s))
        {
            return "value is empty.";
        }

        ReadOnlySpan<char> span = s.AsSpan().Trim();
        Span<char> digits = stackalloc char[10];
        if (span.Length == 10)
        {
            span.CopyTo(digits);
        }
        else if (span.Length == 12 && (span[3] is ' ' or '-') && span[7] == span[3])
        {
            span[..3].CopyTo(digits);
            span.Slice(4, 3).CopyTo(digits[3..]);
            span[8..].CopyTo(digits[6..]);
        }
        else
        {
            return "expected 10 digits, optionally grouped 3-3-4 with spaces or hyphens.";
        }

        long number = 0;
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return "expected 10 digits, optionally grouped 3-3-4 with spaces or hyphens.";
            }

            number = (number * 10) + (c - '0');
        }

        if (!digits.ContainsAnyExcept(digits[0]))
        {
            return "a number made of one repeated digit is a placeholder, not an NHS number.";
        }

        int check = CheckDigit(number / 10);
        if (check < 0 || check != number % 10)
        {
            return "check digit does not match.";
        }

        value = new NhsNumber(number);
        return null;
    }
}
