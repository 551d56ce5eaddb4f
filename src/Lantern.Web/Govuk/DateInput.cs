namespace Lantern.Web.Govuk;

/// <summary>Which parts of a date input are in error (so only those are outlined red).</summary>
[Flags]
public enum DateParts
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

/// <summary>
/// Model for <c>Govuk/_DateInput</c> (GOV.UK date input in a fieldset with legend, hint and error).
/// Fields are named <c>{NamePrefix}{NameSeparator}day</c> (and month, year; just <c>day</c> with an
/// empty prefix) with ids <c>{Id}-day</c>;
/// the Design System's default separator is "-", use "." to bind to a model with Day, Month and Year.
/// Point the error summary at <see cref="FirstErrorFieldId"/>.
/// </summary>
public sealed record DateInput(string Id, string NamePrefix, string Legend)
{
    public string NameSeparator { get; init; } = "-";

    /// <summary>For example <c>govuk-fieldset__legend--l</c> when the legend is the page heading.</summary>
    public string? LegendClasses { get; init; }

    public bool LegendIsPageHeading { get; init; }

    /// <summary>For example "For example, 27 3 2007".</summary>
    public string? Hint { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>Parts to outline in red. With an error message and no parts given, all three are outlined.</summary>
    public DateParts ErrorParts { get; init; }

    public string? Day { get; init; }

    public string? Month { get; init; }

    public string? Year { get; init; }

    /// <summary>Set true for a date of birth (autocomplete bday-day, bday-month, bday-year).</summary>
    public bool IsDateOfBirth { get; init; }

    public string? Classes { get; init; }

    public string? FormGroupClasses { get; init; }

    public string HintId => Id + "-hint";

    public string ErrorId => Id + "-error";

    public string? AriaDescribedBy =>
        DescribedBy.Join(Hint is null ? null : HintId, ErrorMessage is null ? null : ErrorId);

    public string FormGroupCssClasses =>
        Css.Join("govuk-form-group", ErrorMessage is null ? null : "govuk-form-group--error", FormGroupClasses);

    public string LegendCssClasses => Css.Join("govuk-fieldset__legend", LegendClasses);

    public IReadOnlyList<DateInputItem> Items =>
    [
        Item(DateParts.Day, "day", "Day", Day, 2, "bday-day"),
        Item(DateParts.Month, "month", "Month", Month, 2, "bday-month"),
        Item(DateParts.Year, "year", "Year", Year, 4, "bday-year"),
    ];

    /// <summary>The id of the first part in error (the day field when the whole date is wrong).</summary>
    public string FirstErrorFieldId =>
        Items.FirstOrDefault(i => i.HasError)?.Id ?? Items[0].Id;

    private DateInputItem Item(DateParts part, string suffix, string label, string? value, int width, string birthdayAutoComplete)
    {
        var hasError = ErrorParts == DateParts.None ? ErrorMessage is not null : ErrorParts.HasFlag(part);
        return new DateInputItem(
            Id: $"{Id}-{suffix}",
            Name: string.IsNullOrEmpty(NamePrefix) ? suffix : $"{NamePrefix}{NameSeparator}{suffix}",
            Label: label,
            Value: value,
            CssClasses: Css.Join("govuk-input", "govuk-date-input__input", hasError ? "govuk-input--error" : null, $"govuk-input--width-{width}"),
            AutoComplete: IsDateOfBirth ? birthdayAutoComplete : null,
            HasError: hasError);
    }
}

public sealed record DateInputItem(string Id, string Name, string Label, string? Value, string CssClasses, string? AutoComplete, bool HasError);
