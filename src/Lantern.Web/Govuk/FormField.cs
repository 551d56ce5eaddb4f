namespace Lantern.Web.Govuk;

/// <summary>Model for <c>Govuk/_Hint</c>.</summary>
public sealed record Hint(string Id, string Text)
{
    public string? Classes { get; init; }
}

/// <summary>Model for <c>Govuk/_ErrorMessage</c>; a visually hidden "Error:" precedes the text.</summary>
public sealed record ErrorMessage(string Id, string Text)
{
    public string VisuallyHiddenText { get; init; } = "Error";
}

internal static class DescribedBy
{
    public static string? Join(params string?[] ids)
    {
        var joined = string.Join(' ', ids.Where(id => !string.IsNullOrWhiteSpace(id)));
        return joined.Length == 0 ? null : joined;
    }
}
