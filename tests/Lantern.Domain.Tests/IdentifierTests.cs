using Lantern.Domain.Identifiers;
using Xunit;

namespace Lantern.Domain.Tests;

public class IdentifierTests
{
    // ---------------------------------------------------------------- NHS number

    [Theory]
    [InlineData("9434765919", "943 476 5919")]
    [InlineData("943 476 5919", "943 476 5919")]
    [InlineData("943-476-5919", "943 476 5919")]
    [InlineData("  943 476 5919 ", "943 476 5919")]
    [InlineData("4010232137", "401 023 2137")]
    [InlineData("9990000018", "999 000 0018")]
    public void NhsNumber_valid(string input, string formatted)
    {
        Assert.True(NhsNumber.TryParse(input, out var nhs));
        Assert.Equal(formatted, nhs.ToString());
        Assert.Equal(formatted.Replace(" ", "", StringComparison.Ordinal), nhs.Digits);
        Assert.Equal(nhs, NhsNumber.Parse(input));
    }

    [Theory]
    [InlineData("9434765910")]    // wrong check digit
    [InlineData("9434765918")]
    [InlineData("4010232138")]
    [InlineData("943476591")]     // 9 digits
    [InlineData("94347659190")]   // 11 digits
    [InlineData("943 4765 919")]  // wrong grouping
    [InlineData("943-476 5919")]  // mixed separators
    [InlineData("943  476 5919")]
    [InlineData("943a765919")]
    [InlineData("+449434765919")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("0000000000")]    // passes mod 11 but is a placeholder
    [InlineData("1111111111")]
    [InlineData("9999999999")]
    [InlineData("９４３４７６５９１９")] // full-width digits are not ASCII digits
    public void NhsNumber_invalid(string? input)
    {
        Assert.False(NhsNumber.TryParse(input, out var nhs));
        Assert.Equal(default, nhs);
        if (input is not null)
        {
            Assert.Throws<FormatException>(() => NhsNumber.Parse(input));
        }
    }

    [Fact]
    public void NhsNumber_nine_digits_whose_remainder_gives_check_10_have_no_valid_number()
    {
        // 999 000 000: weighted sum 243, 243 mod 11 = 1, 11 - 1 = 10 -> no valid check digit.
        for (int check = 0; check <= 9; check++)
        {
            Assert.False(NhsNumber.TryParse("999000000" + check, out _), $"check digit {check} accepted");
        }
    }

    [Fact]
    public void NhsNumber_detects_every_single_digit_error()
    {
        const string valid = "9434765919";
        for (int position = 0; position < valid.Length; position++)
        {
            for (char digit = '0'; digit <= '9'; digit++)
            {
                if (digit == valid[position])
                {
                    continue;
                }

                string mutated = string.Concat(valid.AsSpan(0, position), digit.ToString(), valid.AsSpan(position + 1));
                Assert.False(NhsNumber.TryParse(mutated, out _), mutated);
            }
        }
    }

    [Fact]
    public void NhsNumber_Parse_message_explains_and_does_not_leak_the_number()
    {
        var ex = Assert.Throws<FormatException>(() => NhsNumber.Parse("943 476 5910"));

        Assert.Contains("check digit", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("5910", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "999 000 0018")] // 999 000 000 has no check digit, so the first usable base is 999 000 001
    [InlineData(1, "999 000 0026")]
    [InlineData(8, "999 000 0093")]
    [InlineData(9, "999 000 0107")]
    [InlineData(12345, "999 013 7161")]
    public void NhsNumber_FromSerial_known_values(long serial, string expected) =>
        Assert.Equal(expected, NhsNumber.FromSerial(serial).ToString());

    [Fact]
    public void NhsNumber_FromSerial_is_valid_distinct_and_in_test_range_for_every_serial()
    {
        var seen = new HashSet<long>();
        for (long n = 0; n <= NhsNumber.MaxSerial; n++)
        {
            var nhs = NhsNumber.FromSerial(n);
            Assert.True(seen.Add(nhs.Value), $"serial {n} duplicates an earlier number");
            Assert.StartsWith("999", nhs.Digits, StringComparison.Ordinal);
            if (!NhsNumber.TryParse(nhs.Digits, out var reparsed) || reparsed != nhs)
            {
                Assert.Fail($"serial {n} produced invalid {nhs}");
            }
        }
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(NhsNumber.MaxSerial + 1)]
    public void NhsNumber_FromSerial_rejects_out_of_range(long serial) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.FromSerial(serial));

    // ---------------------------------------------------------------- UPN

    [Theory]
    [InlineData("A950000178301", "A950000178301")] // examples from the CIN validator rule 1510 tests
    [InlineData("H243278544154", "H243278544154")]
    [InlineData("B801200005001", "B801200005001")]
    [InlineData("P207000016049", "P207000016049")] // sum 266, 266 mod 23 = 13 -> P
    [InlineData("T81240002312T", "T81240002312T")] // temporary: final T counts as 16
    [InlineData("D81240002300A", "D81240002300A")] // temporary: final A counts as 0
    [InlineData(" b801200005001 ", "B801200005001")]
    public void Upn_valid(string input, string normalised)
    {
        Assert.True(Upn.TryParse(input, out var upn));
        Assert.Equal(normalised, upn.ToString());
        Assert.Equal(upn, Upn.Parse(input));
    }

    [Theory]
    [InlineData("R247962919251")] // CIN validator rule 1510 failing examples
    [InlineData("X428558133462")]
    [InlineData("A801200005001")]
    [InlineData("Q207000016049")] // the letter given by the widely copied (miscalculated) worked example
    [InlineData("B207000016049")]
    [InlineData("X80120000A001")] // letter in the middle
    [InlineData("T81240002312S")] // S is never used as the temporary suffix
    [InlineData("T81240002312I")]
    [InlineData("I812400023001")] // I is never a check letter
    [InlineData("812400023001")]  // check letter missing
    [InlineData("T8124000230011")]
    [InlineData("T81240 0023001")]
    [InlineData("")]
    [InlineData(null)]
    public void Upn_invalid(string? input)
    {
        Assert.False(Upn.TryParse(input, out var upn));
        Assert.Equal(default, upn);
        if (input is not null)
        {
            Assert.Throws<FormatException>(() => Upn.Parse(input));
        }
    }

    [Fact]
    public void Upn_Parse_message_names_the_check_letter_problem()
    {
        var ex = Assert.Throws<FormatException>(() => Upn.Parse("Q207000016049"));

        Assert.Contains("check letter", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("207000016049", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Upn_components()
    {
        var upn = Upn.Parse("T812400023001");

        Assert.Equal('T', upn.CheckLetter);
        Assert.Equal(812, upn.LaNumber);
        Assert.Equal(4000, upn.EstablishmentNumber);
        Assert.Equal(23, upn.Year);
        Assert.False(upn.IsTemporary);
        Assert.True(Upn.Parse("T81240002312T").IsTemporary);
    }

    [Theory]
    [InlineData(812, 4000, 23, 1, "T812400023001")]
    [InlineData(207, 0, 16, 49, "P207000016049")]
    [InlineData(801, 2000, 5, 1, "B801200005001")]
    [InlineData(950, 1, 78, 301, "A950000178301")]
    public void Upn_Create_computes_check_letter(int la, int establishment, int year2, int serial, string expected) =>
        Assert.Equal(expected, Upn.Create(la, establishment, year2, serial).ToString());

    [Fact]
    public void Upn_CreateTemporary_computes_check_letter() =>
        Assert.Equal("T81240002312T", Upn.CreateTemporary(812, 4000, 23, 12, 't').ToString());

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(1000, 0, 0, 0)]
    [InlineData(812, 10000, 0, 0)]
    [InlineData(812, 0, 100, 0)]
    [InlineData(812, 0, 0, 1000)]
    public void Upn_Create_rejects_out_of_range_parts(int la, int establishment, int year2, int serial) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Upn.Create(la, establishment, year2, serial));

    [Theory]
    [InlineData('S')]
    [InlineData('O')]
    [InlineData('1')]
    public void Upn_CreateTemporary_rejects_bad_suffix(char suffix) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Upn.CreateTemporary(812, 4000, 23, 12, suffix));

    [Fact]
    public void Upn_detects_every_single_digit_error()
    {
        // Weights 2..13 and digit differences 1..9 are never multiples of the prime 23, so every
        // single-digit substitution must change the check letter.
        const string valid = "T812400023001";
        for (int position = 1; position < valid.Length; position++)
        {
            for (char digit = '0'; digit <= '9'; digit++)
            {
                if (digit == valid[position])
                {
                    continue;
                }

                string mutated = string.Concat(valid.AsSpan(0, position), digit.ToString(), valid.AsSpan(position + 1));
                Assert.False(Upn.TryParse(mutated, out _), mutated);
            }
        }
    }

    [Fact]
    public void Upn_Create_round_trips_through_Parse()
    {
        for (int serial = 0; serial <= 999; serial += 7)
        {
            var upn = Upn.Create(812, 4321, serial % 100, serial);
            Assert.Equal(upn, Upn.Parse(upn.ToString()));
        }
    }

    // ---------------------------------------------------------------- Postcode

    [Theory]
    [InlineData("DN31 1HU", "DN31 1HU", "DN31", "1HU")]
    [InlineData("dn311hu", "DN31 1HU", "DN31", "1HU")]
    [InlineData("  DN31   1HU ", "DN31 1HU", "DN31", "1HU")]
    [InlineData("DN35 8AA", "DN35 8AA", "DN35", "8AA")]
    [InlineData("M1 1AE", "M1 1AE", "M1", "1AE")]          // A9
    [InlineData("B33 8TH", "B33 8TH", "B33", "8TH")]       // A99
    [InlineData("CR2 6XH", "CR2 6XH", "CR2", "6XH")]       // AA9
    [InlineData("DN551PT", "DN55 1PT", "DN55", "1PT")]     // AA99
    [InlineData("W1A 0AX", "W1A 0AX", "W1A", "0AX")]       // A9A
    [InlineData("EC1A 1BB", "EC1A 1BB", "EC1A", "1BB")]    // AA9A
    [InlineData("SW1A 2AA", "SW1A 2AA", "SW1A", "2AA")]
    [InlineData("gir0aa", "GIR 0AA", "GIR", "0AA")]
    public void Postcode_valid(string input, string normalised, string outward, string inward)
    {
        Assert.True(Postcode.TryParse(input, out var postcode));
        Assert.Equal(normalised, postcode.ToString());
        Assert.Equal(outward, postcode.Outward);
        Assert.Equal(inward, postcode.Inward);
        Assert.Equal(postcode, Postcode.Parse(input));
    }

    [Theory]
    [InlineData("DN31")]       // outward only
    [InlineData("DN31 1H")]
    [InlineData("DN31 1HUU")]
    [InlineData("DN311 1HU")]
    [InlineData("DN3 11HU")]   // space in the wrong place
    [InlineData("D N31 1HU")]
    [InlineData("QN31 1HU")]   // Q never first
    [InlineData("DZ31 1HU")]   // Z never second
    [InlineData("DN31 1CU")]   // C never in the inward letters
    [InlineData("DN31 1HI")]
    [InlineData("1N31 1HU")]
    [InlineData("W1I 0AX")]    // I not allowed in the A9A position
    [InlineData("EC1C 1BB")]   // C not allowed in the AA9A position
    [InlineData("DN31-1HU")]
    [InlineData("")]
    [InlineData(null)]
    public void Postcode_invalid(string? input)
    {
        Assert.False(Postcode.TryParse(input, out var postcode));
        Assert.Equal(default, postcode);
        if (input is not null)
        {
            Assert.Throws<FormatException>(() => Postcode.Parse(input));
        }
    }

    [Fact]
    public void Postcode_Create_gives_distinct_valid_postcodes_in_the_outward_code()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int serial = 0; serial <= 3999; serial++)
        {
            var postcode = Postcode.Create("dn32", serial);
            Assert.Equal("DN32", postcode.Outward);
            Assert.True(seen.Add(postcode.Value), postcode.Value);
            Assert.Equal(postcode, Postcode.Parse(postcode.Value));
        }

        Assert.Equal("DN32 0AA", Postcode.Create("DN32", 0).Value);
        Assert.Equal("DN32 9ZZ", Postcode.Create("DN32", 3999).Value);
    }

    [Fact]
    public void Postcode_Create_rejects_bad_arguments()
    {
        Assert.Throws<ArgumentException>(() => Postcode.Create("QN31", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Postcode.Create("DN31", 4000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Postcode.Create("DN31", -1));
    }

    // ---------------------------------------------------------------- LA child id

    [Theory]
    [InlineData("ABC123", true)]
    [InlineData("abc123", true)]
    [InlineData("12345678901234567890", true)]   // exactly 20
    [InlineData("123456789012345678901", false)] // 21
    [InlineData("ABC-123", false)]
    [InlineData("ABC 123", false)]
    [InlineData("ÄBC123", false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData(null, false)]
    public void LaChildId_validation(string? input, bool expected)
    {
        Assert.Equal(expected, LaChildId.IsValid(input));
        Assert.Equal(expected, LaChildId.TryParse(input, out var id));
        if (expected)
        {
            Assert.Equal(input, id.Value);
        }
        else if (input is not null)
        {
            Assert.Throws<FormatException>(() => LaChildId.Parse(input));
        }
    }

    [Fact]
    public void LaChildId_FromSerial()
    {
        Assert.Equal("LC00000042", LaChildId.FromSerial(42).ToString());
        Assert.Equal("NEL00000007", LaChildId.FromSerial(7, "NEL").ToString());
        Assert.Throws<ArgumentException>(() => LaChildId.FromSerial(1, "TOO-LONG-AND-HYPHENATED"));
        Assert.Throws<ArgumentOutOfRangeException>(() => LaChildId.FromSerial(-1));
    }
}
