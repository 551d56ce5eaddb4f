namespace Lantern.Web.Govuk;

/// <summary>
/// Colours offered by the GOV.UK tag component. <see cref="Default"/> is the blue tag. GOV.UK Frontend 6
/// renamed turquoise to teal and pink to magenta; the old names are left out.
/// </summary>
public enum TagColour
{
    Default,
    Grey,
    Green,
    Teal,
    Purple,
    Magenta,
    Red,
    Orange,
    Yellow,
}

/// <summary>Model for <c>Govuk/_Tag</c> (GOV.UK tag component).</summary>
public sealed record Tag(string Text)
{
    public TagColour Colour { get; init; }

    /// <summary>Extra classes, for example <c>govuk-phase-banner__content__tag</c>.</summary>
    public string? Classes { get; init; }

    public string CssClasses => Css.Join("govuk-tag", ColourClass(Colour), Classes);

    internal static string? ColourClass(TagColour colour) => colour switch
    {
        TagColour.Default => null,
        TagColour.Grey => "govuk-tag--grey",
        TagColour.Green => "govuk-tag--green",
        TagColour.Teal => "govuk-tag--teal",
        TagColour.Purple => "govuk-tag--purple",
        TagColour.Magenta => "govuk-tag--magenta",
        TagColour.Red => "govuk-tag--red",
        TagColour.Orange => "govuk-tag--orange",
        TagColour.Yellow => "govuk-tag--yellow",
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, null),
    };
}
