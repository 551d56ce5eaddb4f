using Microsoft.AspNetCore.Html;

namespace Lantern.Web.Govuk;

/// <summary>Model for <c>Govuk/_Table</c> (GOV.UK table component).</summary>
public sealed record Table(IReadOnlyList<IReadOnlyList<TableCell>> Rows)
{
    public string? Caption { get; init; }

    /// <summary>For example <c>govuk-table__caption--m</c>.</summary>
    public string? CaptionClasses { get; init; }

    public IReadOnlyList<TableCell>? Head { get; init; }

    /// <summary>Render the first cell of each row as a row header (<c>th scope="row"</c>).</summary>
    public bool FirstCellIsHeader { get; init; }

    public string? Classes { get; init; }

    public string? Id { get; init; }

    /// <summary><c>data-module</c> on the table, for example <c>moj-sortable-table</c>.</summary>
    public string? DataModule { get; init; }
}

public enum TableCellFormat
{
    Text,
    Numeric,
}

/// <summary>A head or body cell. Give <see cref="Text"/>, or <see cref="Html"/> for rendered content such as a link or tag.</summary>
public sealed record TableCell(string? Text = null)
{
    public IHtmlContent? Html { get; init; }

    public TableCellFormat Format { get; init; }

    public string? Classes { get; init; }

    public int? ColSpan { get; init; }

    public int? RowSpan { get; init; }

    /// <summary><c>aria-sort</c> on a head cell of a sortable table: none, ascending or descending.</summary>
    public string? AriaSort { get; init; }

    public string HeaderCssClasses =>
        Css.Join("govuk-table__header", Format == TableCellFormat.Numeric ? "govuk-table__header--numeric" : null, Classes);

    public string CellCssClasses =>
        Css.Join("govuk-table__cell", Format == TableCellFormat.Numeric ? "govuk-table__cell--numeric" : null, Classes);

    public static implicit operator TableCell(string? text) => new(text);
}
