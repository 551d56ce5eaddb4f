using Microsoft.AspNetCore.Html;

namespace Lantern.Web.Govuk;

/// <summary>Model for <c>Govuk/_SummaryList</c> (GOV.UK summary list, optionally inside a summary card).</summary>
public sealed record SummaryList(IReadOnlyList<SummaryListRow> Rows)
{
    public string? Classes { get; init; }

    /// <summary>When set, the list is wrapped in a summary card with this title and actions.</summary>
    public SummaryCard? Card { get; init; }

    public bool AnyRowHasActions => Rows.Any(r => r.Actions.Count > 0);

    public string CssClasses => Css.Join("govuk-summary-list", Classes);

    public string RowCssClasses(SummaryListRow row) =>
        Css.Join("govuk-summary-list__row", AnyRowHasActions && row.Actions.Count == 0 ? "govuk-summary-list__row--no-actions" : null, row.Classes);
}

/// <summary>One row. Give <see cref="Value"/> as text, or <see cref="ValueHtml"/> (for example a rendered tag).</summary>
public sealed record SummaryListRow(string Key, string? Value = null)
{
    public IHtmlContent? ValueHtml { get; init; }

    public IReadOnlyList<SummaryListAction> Actions { get; init; } = [];

    public string? Classes { get; init; }

    public string? KeyClasses { get; init; }

    public string? ValueClasses { get; init; }

    public string KeyCssClasses => Css.Join("govuk-summary-list__key", KeyClasses);

    public string ValueCssClasses => Css.Join("govuk-summary-list__value", ValueClasses);
}

/// <summary>
/// A row or card action link. <see cref="VisuallyHiddenText"/> completes the link text for screen
/// readers: "Change" plus "date of birth".
/// </summary>
public sealed record SummaryListAction(string Text, string Href)
{
    public string? VisuallyHiddenText { get; init; }

    public string? Classes { get; init; }

    public string CssClasses => Css.Join("govuk-link", Classes);

    /// <summary>The visually hidden end of the link text, with the card title in brackets when in a card.</summary>
    public string? HiddenText(SummaryCard? card)
    {
        var text = string.Concat(
            VisuallyHiddenText is null ? null : " " + VisuallyHiddenText,
            card is null ? null : " (" + card.Title + ")");
        return text.Length == 0 ? null : text;
    }
}

public sealed record SummaryCard(string Title)
{
    /// <summary>Heading level of the card title, 1 to 6 (default 2).</summary>
    public int HeadingLevel { get; init; } = 2;

    public IReadOnlyList<SummaryListAction> Actions { get; init; } = [];

    public string? Classes { get; init; }

    public string? TitleClasses { get; init; }

    public string CssClasses => Css.Join("govuk-summary-card", Classes);

    public string TitleCssClasses => Css.Join("govuk-summary-card__title", TitleClasses);
}
