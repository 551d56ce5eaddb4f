using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lantern.Web.Govuk;

/// <summary>
/// Model for <c>Govuk/_ErrorSummary</c> (GOV.UK error summary). The partial renders nothing when
/// there are no errors, so a page can always include it above its form.
/// </summary>
public sealed record ErrorSummary(IReadOnlyList<ErrorSummaryItem> Errors)
{
    public string TitleText { get; init; } = "There is a problem";

    public string? DescriptionText { get; init; }

    public bool? DisableAutoFocus { get; init; }

    /// <summary>
    /// One item per model state error, linking to the field's id. The id is the ASP.NET default for
    /// the key (<c>Input.FirstName</c> becomes <c>Input_FirstName</c>) unless <paramref name="fieldIds"/>
    /// maps the key elsewhere, as a date input must (to its day field, such as <c>Input_Dob-day</c>).
    /// </summary>
    public static ErrorSummary FromModelState(ModelStateDictionary modelState, IReadOnlyDictionary<string, string>? fieldIds = null)
    {
        var items = new List<ErrorSummaryItem>();
        foreach (var (key, entry) in modelState)
        {
            foreach (var error in entry.Errors)
            {
                var message = string.IsNullOrEmpty(error.ErrorMessage) ? "Check this answer" : error.ErrorMessage;
                string? href = null;
                if (fieldIds is not null && fieldIds.TryGetValue(key, out var id))
                {
                    href = "#" + id;
                }
                else if (!string.IsNullOrEmpty(key))
                {
                    href = "#" + TagBuilder.CreateSanitizedId(key, "_");
                }

                items.Add(new ErrorSummaryItem(message, href));
            }
        }

        return new ErrorSummary(items);
    }
}

/// <summary>An error message, linking to the field it is about (or to nothing, for a page-level error).</summary>
public sealed record ErrorSummaryItem(string Text, string? Href = null);
