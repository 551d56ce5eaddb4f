using Microsoft.AspNetCore.Html;

namespace Lantern.Web.Govuk;

/// <summary>Model for <c>Govuk/_InsetText</c>. Give <see cref="Text"/>, or <see cref="Html"/> for rendered content.</summary>
public sealed record InsetText(string? Text = null)
{
    public IHtmlContent? Html { get; init; }

    public string? Id { get; init; }

    public string? Classes { get; init; }
}
