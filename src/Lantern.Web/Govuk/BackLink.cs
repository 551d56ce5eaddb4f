namespace Lantern.Web.Govuk;

/// <summary>Model for <c>Govuk/_BackLink</c>. Render it in the layout's <c>BeforeContent</c> section.</summary>
public sealed record BackLink(string Href)
{
    public string Text { get; init; } = "Back";

    public string? Classes { get; init; }
}
