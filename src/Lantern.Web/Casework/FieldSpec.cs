namespace Lantern.Web.Casework;

/// <summary>The kinds of question a casework form asks.</summary>
public enum FieldKind
{
    /// <summary>A GOV.UK date input (day, month, year).</summary>
    Date = 1,

    /// <summary>A one-line text input.</summary>
    Text = 2,

    /// <summary>A textarea.</summary>
    TextArea = 3,

    /// <summary>Radios: exactly one option.</summary>
    Radios = 4,

    /// <summary>Checkboxes: any number of options.</summary>
    Checkboxes = 5,

    /// <summary>Yes or no radios.</summary>
    YesNo = 6,

    /// <summary>A time of day, 24-hour (for example 14:30).</summary>
    Time = 7,

    /// <summary>A select list (for long lists such as workers).</summary>
    Select = 8,
}

/// <summary>One option of a radios, checkboxes or select question.</summary>
public sealed record FieldOption(string Value, string Text, string? Hint = null);

/// <summary>One question of a casework form: how it is shown (<c>Casework/_Form</c>) and how it is
/// read back (<see cref="FormReader"/>), in one place, so the error summary, the field and the
/// message always agree.</summary>
/// <param name="Name">The form name (and model state key); also the base of the element id.</param>
/// <param name="Kind">What kind of question.</param>
/// <param name="Label">The label or legend, in sentence case.</param>
/// <param name="Subject">How messages name it, for example "the date of the visit" gives "Enter the date of the visit".</param>
public sealed record FieldSpec(string Name, FieldKind Kind, string Label, string Subject)
{
    public string? Hint { get; init; }

    public bool Required { get; init; } = true;

    /// <summary>Longest text accepted (text and textarea).</summary>
    public int MaxLength { get; init; } = 200;

    public IReadOnlyList<FieldOption> Options { get; init; } = [];

    /// <summary>Dates: whether a date after today is accepted (a planned meeting); by default not.</summary>
    public bool AllowFuture { get; init; }

    /// <summary>Radios shown side by side (yes/no).</summary>
    public bool Inline { get; init; }

    /// <summary>The message when a required answer is missing, when "Enter/Select {Subject}" does not read well.</summary>
    public string? RequiredMessage { get; init; }

    /// <summary>Rows of a textarea.</summary>
    public int Rows { get; init; } = 5;

    /// <summary>The id of the question's (first) input; the error summary links here.</summary>
    public string Id => "f-" + Kebab(Name);

    /// <summary>Where the error summary link should land.</summary>
    public string FirstInputId => Kind == FieldKind.Date ? Id + "-day" : Id;

    /// <summary>The id of the option at <paramref name="index"/> (the first is the question's id, as GOV.UK Frontend does).</summary>
    public string OptionId(int index) => index == 0 ? Id : $"{Id}-{index + 1}";

    /// <summary>A yes/no question's two options.</summary>
    public static IReadOnlyList<FieldOption> YesNoOptions { get; } = [new("yes", "Yes"), new("no", "No")];

    /// <summary>Options for every defined value of <typeparamref name="T"/>, labelled by <paramref name="text"/>.</summary>
    public static IReadOnlyList<FieldOption> OptionsOf<T>(Func<T, string> text, Func<T, string?>? hint = null, Func<T, bool>? include = null)
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(v => include?.Invoke(v) ?? true).Select(v => new FieldOption(v.ToString(), text(v), hint?.Invoke(v)))];

    /// <summary>Options for the codes of a DfE code list in use in <paramref name="collectionYear"/>
    /// (every code when null), labelled "code: label".</summary>
    public static IReadOnlyList<FieldOption> OptionsOf(Lantern.Domain.Codes.CodeSet set, int? collectionYear = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        return [.. set.Entries.Where(e => collectionYear is not { } y || e.ValidIn(y)).Select(e => new FieldOption(e.Code, $"{e.Label} ({e.Code})"))];
    }

    private static string Kebab(string name)
    {
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                chars.Add('-');
            }

            chars.Add(char.ToLowerInvariant(c));
        }

        return new string([.. chars]);
    }
}

/// <summary>Model of <c>Casework/_Field</c>: one question with the answers to show and its error.</summary>
public sealed record FieldView(FieldSpec Field, IReadOnlyDictionary<string, string?> Values, string? Error);
