using System.Globalization;
using System.Text.RegularExpressions;

namespace Lantern.Returns.Ssda903;

/// <summary>Reading and checking single 903 values. Messages never repeat the value of a personal field.</summary>
internal static partial class Ssda903Values
{
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static DateOnly? Date(string text) => text.Length == 0 ? null : DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static int? Integer(string text) => text.Length == 0 ? null : int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>What is wrong with a value, or null when it is right.</summary>
    public static string? Problem(Ssda903Column column, string value)
    {
        if (value.Length == 0)
        {
            return column.Required ? $"{column.Name} is blank: it must be given." : null;
        }

        switch (column.Kind)
        {
            case ColumnKind.Child:
                return value.Length > column.MaxLength || !value.All(char.IsAsciiLetterOrDigit)
                    ? $"CHILD must be 1 to {column.MaxLength} letters and digits (the council's own child identifier)."
                    : null;
            case ColumnKind.Date:
                return TryDate(value, out _) ? null : DateProblem(column.Name, value);
            case ColumnKind.PartialDate:
                return PartialDate().IsMatch(value) && TryDate(value.Replace("zz/", "01/", StringComparison.OrdinalIgnoreCase), out _)
                    ? null
                    : $"{column.Name} must be a date in the form dd/mm/yyyy, with zz for a day or month not known (zz/mm/yyyy, zz/zz/yyyy).";
            case ColumnKind.Integer:
                var (min, max) = column.Name == "SDQ_SCORE" ? (0, 40) : (1, 2);
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                    ? null
                    : $"{column.Name} must be a whole number from {min} to {max}.";
            case ColumnKind.Code:
                return column.Codes!.Contains(value)
                    ? null
                    : $"{column.Name} {(column.Personal ? "is" : $"\"{Shown(value)}\" is")} not a code of any year's 903 list: use {column.CodeHint}.";
            default:
                return value.Length > column.MaxLength ? $"{column.Name} is longer than {column.MaxLength} characters." : null;
        }
    }

    private static string DateProblem(string name, string value)
    {
        var form = IsoDate().IsMatch(value) ? " (it is in the form yyyy-mm-dd)"
            : DashedDate().IsMatch(value) ? " (it is in the form dd-mm-yyyy)"
            : SlashDate().IsMatch(value) ? " (it is not a day of the calendar, or the day or month has one digit)"
            : "";
        return $"{name} must be a date in the form dd/mm/yyyy{form}.";
    }

    private static string Shown(string value) => value.Length <= 12 ? value : value[..12] + "...";

    [GeneratedRegex(@"^(\d\d|zz|ZZ)/(\d\d|zz|ZZ)/\d{4}$")]
    private static partial Regex PartialDate();

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{1,2}-\d{1,2}-\d{4}$")]
    private static partial Regex DashedDate();

    [GeneratedRegex(@"^\d{1,2}/\d{1,2}/\d{4}$")]
    private static partial Regex SlashDate();
}
