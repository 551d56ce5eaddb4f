namespace Lantern.Web.Govuk;

/// <summary>
/// Model for <c>Govuk/_Button</c>. With <see cref="Href"/> it renders a link styled as a button
/// (as the start page's "Find a child"); without, a form button.
/// </summary>
public sealed record Button(string Text)
{
    public string? Href { get; init; }

    /// <summary>submit (default) or button.</summary>
    public string Type { get; init; } = "submit";

    public string? Name { get; init; }

    public string? Value { get; init; }

    public string? Id { get; init; }

    /// <summary>For example <c>govuk-button--secondary</c> or <c>govuk-button--warning</c>.</summary>
    public string? Classes { get; init; }

    public bool IsStartButton { get; init; }

    public bool Disabled { get; init; }

    public bool PreventDoubleClick { get; init; }

    public string CssClasses => Css.Join("govuk-button", Classes, IsStartButton ? "govuk-button--start" : null);
}
