namespace Lantern.Web.Govuk;

/// <summary>Builds class attribute values (class names only, never markup).</summary>
internal static class Css
{
    public static string Join(params string?[] classes) =>
        string.Join(' ', classes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()));
}
