using System.Globalization;
using Lantern.Domain.Calendar;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lantern.Web.Casework;

/// <summary>Reads the answers to a casework form, one <see cref="FieldSpec"/> at a time, and records
/// a GOV.UK error message against the field for anything missing, malformed, out of range or not in
/// the list. Every answer posted is kept in <see cref="Values"/> so the form shows it again.</summary>
public sealed class FormReader
{
    private readonly IReadOnlyDictionary<string, string?> form;
    private readonly ModelStateDictionary modelState;
    private readonly DateOnly today;

    public FormReader(IReadOnlyDictionary<string, string?> form, ModelStateDictionary modelState, DateOnly today, Dictionary<string, string?> values)
    {
        this.form = form;
        this.modelState = modelState;
        this.today = today;
        Values = values;
        foreach (var (key, value) in form)
        {
            values[key] = value;
        }
    }

    /// <summary>What was posted, by form name, for showing the form again.</summary>
    public Dictionary<string, string?> Values { get; }

    public bool IsValid => modelState.IsValid;

    /// <summary>Adds an error against a field (the first error of a field is the one shown).</summary>
    public void Error(FieldSpec field, string message)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (modelState[field.Name]?.Errors.Count is null or 0)
        {
            modelState.AddModelError(field.Name, message);
        }
    }

    public bool HasError(FieldSpec field) => modelState[field.Name]?.Errors.Count > 0;

    /// <summary>A date from day, month and year boxes (named <c>{Name}-day</c> and so on).</summary>
    public DateOnly? Date(FieldSpec field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var day = Get(field.Name + "-day");
        var month = Get(field.Name + "-month");
        var year = Get(field.Name + "-year");
        var subject = Capital(field.Subject);
        if (day is null && month is null && year is null)
        {
            if (field.Required)
            {
                Error(field, field.RequiredMessage ?? $"Enter {field.Subject}");
            }

            return null;
        }

        var missing = new List<string>();
        if (day is null)
        {
            missing.Add("day");
        }

        if (month is null)
        {
            missing.Add("month");
        }

        if (year is null)
        {
            missing.Add("year");
        }

        if (missing.Count > 0)
        {
            Error(field, $"{subject} must include a {string.Join(" and ", missing)}");
            return null;
        }

        if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || year!.Length != 4 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), m))
        {
            Error(field, $"{subject} must be a real date");
            return null;
        }

        var date = new DateOnly(y, m, d);
        if (date < EnglandBankHolidays.FirstDate)
        {
            Error(field, $"{subject} must be on or after {EnglandBankHolidays.FirstDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
            return null;
        }

        if (!field.AllowFuture && date > today)
        {
            Error(field, $"{subject} must be today or in the past");
            return null;
        }

        if (date > EnglandBankHolidays.LastDate)
        {
            Error(field, $"{subject} must be before {EnglandBankHolidays.LastDate.AddDays(1).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
            return null;
        }

        return date;
    }

    /// <summary>A time of day written as 14:30, 9:05 or 0930.</summary>
    public TimeOnly? Time(FieldSpec field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var text = Get(field.Name);
        if (text is null)
        {
            if (field.Required)
            {
                Error(field, field.RequiredMessage ?? $"Enter {field.Subject}");
            }

            return null;
        }

        var compact = text.Replace(".", ":", StringComparison.Ordinal);
        if (TimeOnly.TryParseExact(compact, ["H:mm", "HH:mm", "HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Error(field, $"{Capital(field.Subject)} must be a real time in 24-hour format, like 14:30");
        return null;
    }

    /// <summary>Trimmed text; null when blank.</summary>
    public string? Text(FieldSpec field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var text = Get(field.Name);
        if (text is null)
        {
            if (field.Required)
            {
                Error(field, field.RequiredMessage ?? $"Enter {field.Subject}");
            }

            return null;
        }

        if (text.Length > field.MaxLength)
        {
            Error(field, $"{Capital(field.Subject)} must be {field.MaxLength.ToString(CultureInfo.InvariantCulture)} characters or fewer");
            return null;
        }

        if (text.Any(c => char.IsControl(c) && c is not '\r' and not '\n' and not '\t'))
        {
            Error(field, $"{Capital(field.Subject)} must not contain control characters");
            return null;
        }

        return text;
    }

    /// <summary>One value of <typeparamref name="T"/> from radios or a select, by its name.</summary>
    public T? Choice<T>(FieldSpec field)
        where T : struct, Enum
    {
        var value = Option(field);
        if (value is null)
        {
            return null;
        }

        if (Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(value[0]) && value[0] != '-')
        {
            return parsed;
        }

        Error(field, $"Select {field.Subject} from the list");
        return null;
    }

    /// <summary>A value from a DfE code list (checked against the list and the field's options).</summary>
    public T? Code<T>(FieldSpec field)
        where T : struct, Lantern.Domain.Codes.IDfeCode<T>
    {
        var value = Option(field);
        if (value is null)
        {
            return null;
        }

        if (Lantern.Domain.Codes.Codes.TryParse<T>(value, out var code))
        {
            return code;
        }

        Error(field, $"Select {field.Subject} from the list");
        return null;
    }

    /// <summary>Values from a DfE code list ticked in checkboxes.</summary>
    public IReadOnlyList<T> CodeList<T>(FieldSpec field)
        where T : struct, Lantern.Domain.Codes.IDfeCode<T> =>
        Many(field, (string value, out T parsed) => Lantern.Domain.Codes.Codes.TryParse(value, out parsed));

    /// <summary>The value of the option chosen (checked against the field's options).</summary>
    public string? Option(FieldSpec field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var value = Get(field.Name);
        if (value is null)
        {
            if (field.Required)
            {
                Error(field, field.RequiredMessage ?? $"Select {field.Subject}");
            }

            return null;
        }

        if (field.Options.Count > 0 && !field.Options.Any(o => o.Value == value))
        {
            Error(field, $"Select {field.Subject} from the list");
            return null;
        }

        return value;
    }

    /// <summary>A yes/no answer.</summary>
    public bool? YesNo(FieldSpec field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var value = Get(field.Name);
        switch (value)
        {
            case null:
                if (field.Required)
                {
                    Error(field, field.RequiredMessage ?? $"Select yes if {field.Subject}");
                }

                return null;
            case "yes":
                return true;
            case "no":
                return false;
            default:
                Error(field, $"Select yes or no for {field.Subject}");
                return null;
        }
    }

    /// <summary>The options ticked, each checked against <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> Choices<T>(FieldSpec field)
        where T : struct, Enum =>
        Many(field, (string value, out T parsed) =>
            Enum.TryParse(value, ignoreCase: false, out parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(value[0]) && value[0] != '-');

    /// <summary>A whole number (hidden version fields and the like); null when absent or not a number.</summary>
    public int? Integer(string name) =>
        int.TryParse(Get(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string Capital(string text) =>
        string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private string? Get(string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private delegate bool Parser<T>(string value, out T parsed);

    /// <summary>Every value ticked, each parsed and checked against the field's options; none at all
    /// (with the error) when one of them is not in the list.</summary>
    private List<T> Many<T>(FieldSpec field, Parser<T> parse)
    {
        ArgumentNullException.ThrowIfNull(field);
        var raw = Get(field.Name);
        var values = raw is null ? [] : raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (values.Length == 0)
        {
            if (field.Required)
            {
                Error(field, field.RequiredMessage ?? $"Select {field.Subject}");
            }

            return [];
        }

        var result = new List<T>();
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            if (!parse(value, out var parsed) || (field.Options.Count > 0 && !field.Options.Any(o => o.Value == value)))
            {
                Error(field, $"Select {field.Subject} from the list");
                return [];
            }

            result.Add(parsed);
        }

        return result;
    }
}
