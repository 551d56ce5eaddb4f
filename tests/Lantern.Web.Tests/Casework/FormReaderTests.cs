using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lantern.Web.Tests.Casework;

/// <summary>The one reader every casework form uses: each kind of bad answer gets its GOV.UK message
/// against the field, and nothing is returned for it.</summary>
public sealed class FormReaderTests
{
    private static readonly DateOnly Today = new(2026, 3, 31);

    private static readonly FieldSpec Date = new("Date", FieldKind.Date, "Date of the visit", "the date of the visit");

    private static readonly FieldSpec Planned = Date with { Name = "Planned", AllowFuture = true };

    private static readonly FieldSpec Notes = new("Notes", FieldKind.TextArea, "Notes", "the notes") { MaxLength = 10 };

    private static readonly FieldSpec Kind = new("Kind", FieldKind.Radios, "Kind", "the kind of visit") { Options = FieldSpec.OptionsOf<VisitKind>(k => k.ToString()) };

    private static readonly FieldSpec Need = new("Need", FieldKind.Radios, "Primary need", "the primary need") { Options = FieldSpec.OptionsOf(PrimaryNeed.Set) };

    private static readonly FieldSpec Factors = new("Factors", FieldKind.Checkboxes, "Factors", "the factors identified") { Options = FieldSpec.OptionsOf(AssessmentFactor.Set) };

    private static readonly FieldSpec Seen = new("Seen", FieldKind.YesNo, "Seen?", "the child was seen");

    private static readonly FieldSpec At = new("At", FieldKind.Time, "Time", "the time the contact was received");

    private static (FormReader Reader, ModelStateDictionary State) Read(params (string Key, string Value)[] form)
    {
        var state = new ModelStateDictionary();
        var reader = new FormReader(form.ToDictionary(f => f.Key, f => (string?)f.Value), state, Today, []);
        return (reader, state);
    }

    private static string? Message(ModelStateDictionary state, FieldSpec field) => state[field.Name]?.Errors.Single().ErrorMessage;

    [Theory]
    [InlineData("", "", "", "Enter the date of the visit")]
    [InlineData("3", "", "2026", "The date of the visit must include a month")]
    [InlineData("", "", "2026", "The date of the visit must include a day and month")]
    [InlineData("30", "2", "2026", "The date of the visit must be a real date")]
    [InlineData("29", "2", "2025", "The date of the visit must be a real date")]
    [InlineData("1", "13", "2026", "The date of the visit must be a real date")]
    [InlineData("1", "1", "26", "The date of the visit must be a real date")]
    [InlineData("x", "1", "2026", "The date of the visit must be a real date")]
    [InlineData("-1", "1", "2026", "The date of the visit must be a real date")]
    [InlineData("1", "4", "2026", "The date of the visit must be today or in the past")]
    [InlineData("31", "12", "1999", "The date of the visit must be on or after 1 January 2000")]
    public void Bad_dates_are_refused_with_the_message_naming_the_field(string day, string month, string year, string message)
    {
        var (reader, state) = Read(("Date-day", day), ("Date-month", month), ("Date-year", year));
        Assert.Null(reader.Date(Date));
        Assert.Equal(message, Message(state, Date));
        Assert.False(reader.IsValid);
    }

    [Fact]
    public void Good_dates_are_read_including_today_a_leap_day_and_a_planned_date()
    {
        var (reader, state) = Read(("Date-day", " 31 "), ("Date-month", "03"), ("Date-year", "2026"), ("Planned-day", "29"), ("Planned-month", "2"), ("Planned-year", "2028"));
        Assert.Equal(Today, reader.Date(Date));
        Assert.Equal(new DateOnly(2028, 2, 29), reader.Date(Planned));
        Assert.True(state.IsValid);
        Assert.Equal(" 31 ", reader.Values["Date-day"]);
    }

    [Fact]
    public void Text_is_trimmed_and_refused_when_too_long_or_holding_control_characters()
    {
        var (reader, state) = Read(("Notes", "  fine  "));
        Assert.Equal("fine", reader.Text(Notes));
        Assert.True(state.IsValid);

        (reader, state) = Read(("Notes", "eleven char"));
        Assert.Null(reader.Text(Notes));
        Assert.Equal("The notes must be 10 characters or fewer", Message(state, Notes));

        (reader, state) = Read(("Notes", "a\u0007b"));
        Assert.Null(reader.Text(Notes));
        Assert.Equal("The notes must not contain control characters", Message(state, Notes));

        (reader, state) = Read(("Notes", "   "));
        Assert.Null(reader.Text(Notes));
        Assert.Equal("Enter the notes", Message(state, Notes));
    }

    [Theory]
    [InlineData("ChildProtection", true, null)]
    [InlineData("", false, "Select the kind of visit")]
    [InlineData("1", false, "Select the kind of visit from the list")]
    [InlineData("Holiday", false, "Select the kind of visit from the list")]
    [InlineData("childprotection", false, "Select the kind of visit from the list")]
    public void Choices_must_be_one_of_the_options(string value, bool ok, string? message)
    {
        var (reader, state) = Read(("Kind", value));
        Assert.Equal(ok ? VisitKind.ChildProtection : null, reader.Choice<VisitKind>(Kind));
        Assert.Equal(message, Message(state, Kind));
    }

    [Fact]
    public void Codes_must_be_in_the_DfE_list()
    {
        var (reader, state) = Read(("Need", "N4"), ("Factors", "2B,3A"));
        Assert.Equal("N4", reader.Code<PrimaryNeed>(Need)?.Code);
        Assert.Equal(["2B", "3A"], reader.CodeList<AssessmentFactor>(Factors).Select(f => f.Code));
        Assert.True(state.IsValid);

        (reader, state) = Read(("Need", "N99"), ("Factors", "2B,ZZ"));
        Assert.Null(reader.Code<PrimaryNeed>(Need));
        Assert.Empty(reader.CodeList<AssessmentFactor>(Factors));
        Assert.Equal("Select the primary need from the list", Message(state, Need));
        Assert.Equal("Select the factors identified from the list", Message(state, Factors));
    }

    [Theory]
    [InlineData("yes", true, null)]
    [InlineData("no", false, null)]
    [InlineData("", null, "Select yes if the child was seen")]
    [InlineData("maybe", null, "Select yes or no for the child was seen")]
    public void Yes_or_no(string value, bool? expected, string? message)
    {
        var (reader, state) = Read(("Seen", value));
        Assert.Equal(expected, reader.YesNo(Seen));
        Assert.Equal(message, Message(state, Seen));
    }

    [Theory]
    [InlineData("14:30", 14, 30)]
    [InlineData("9:05", 9, 5)]
    [InlineData("0930", 9, 30)]
    [InlineData("9.30", 9, 30)]
    public void Times_in_24_hour_form(string value, int hour, int minute)
    {
        var (reader, _) = Read(("At", value));
        Assert.Equal(new TimeOnly(hour, minute), reader.Time(At));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("2pm")]
    [InlineData("12:60")]
    public void Impossible_times_are_refused(string value)
    {
        var (reader, state) = Read(("At", value));
        Assert.Null(reader.Time(At));
        Assert.Equal("The time the contact was received must be a real time in 24-hour format, like 14:30", Message(state, At));
    }

    [Fact]
    public void Only_the_first_error_of_a_field_is_kept()
    {
        var (reader, state) = Read();
        reader.Error(Date, "First");
        reader.Error(Date, "Second");
        Assert.Equal("First", Message(state, Date));
    }
}
