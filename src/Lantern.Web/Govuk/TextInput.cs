namespace Lantern.Web.Govuk;

/// <summary>
/// Model for <c>Govuk/_TextInput</c> (GOV.UK text input with label, hint and error message).
/// <see cref="Id"/> is also the error summary's link target.
/// </summary>
public sealed record TextInput(string Id, string Name, string Label)
{
    /// <summary>For example <c>govuk-label--l</c> when the label is the page heading.</summary>
    public string? LabelClasses { get; init; }

    /// <summary>Wrap the label in an <c>h1</c>, for a question page with one field.</summary>
    public bool LabelIsPageHeading { get; init; }

    public string? Hint { get; init; }

    /// <summary>Shown above the field and colours it red, in GOV.UK style: "Enter a first name".</summary>
    public string? ErrorMessage { get; init; }

    public string? Value { get; init; }

    public string Type { get; init; } = "text";

    /// <summary>Width and other classes, for example <c>govuk-input--width-10</c>.</summary>
    public string? Classes { get; init; }

    public string? FormGroupClasses { get; init; }

    public string? InputMode { get; init; }

    public string? AutoComplete { get; init; }

    public string? AutoCapitalize { get; init; }

    public string? Pattern { get; init; }

    /// <summary>Set false for names, identifiers and email addresses.</summary>
    public bool? Spellcheck { get; init; }

    public bool Disabled { get; init; }

    public string? Prefix { get; init; }

    public string? Suffix { get; init; }

    public string HintId => Id + "-hint";

    public string ErrorId => Id + "-error";

    public string? AriaDescribedBy =>
        DescribedBy.Join(Hint is null ? null : HintId, ErrorMessage is null ? null : ErrorId);

    public string InputCssClasses => Css.Join("govuk-input", Classes, ErrorMessage is null ? null : "govuk-input--error");

    public string FormGroupCssClasses =>
        Css.Join("govuk-form-group", ErrorMessage is null ? null : "govuk-form-group--error", FormGroupClasses);

    public string LabelCssClasses => Css.Join("govuk-label", LabelClasses);

    public string? SpellcheckAttribute => Spellcheck switch
    {
        true => "true",
        false => "false",
        null => null,
    };
}
