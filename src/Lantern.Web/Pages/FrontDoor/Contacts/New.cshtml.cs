using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Codes;
using Lantern.Domain.Identifiers;
using Lantern.Domain.Journey;
using Lantern.Domain.Model;
using Lantern.Web.Access;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.FrontDoor.Contacts;

/// <summary>Record a contact at the front door, finding the child first. Step 1 asks who the child
/// is; step 2 shows the children already known who may be them (<see cref="DuplicateMatcher"/>;
/// restricted records never), asks the person to pick one or to create a new child, and asks about
/// the contact. The child's details travel in the form, never in the URL. A new child and the
/// contact are saved with the audit entry in one transaction, after the duplicate check has run
/// again inside it.</summary>
[RequirePermission(Permission.RecordContacts)]
public sealed class NewModel(LanternDbContext db, LanternDataOptions options, ChildAccessService access, AuditWriter audit) : PageModel
{
    public const string NewChildValue = "new";
    public const string StepName = "step";
    public const string SeenName = "seen";
    public const string ChangeName = "change";

    public static readonly FieldSpec GivenName = new("GivenName", FieldKind.Text, "Given name", "the child's given name")
    {
        MaxLength = 100,
        Hint = "For an unborn child, enter Unborn",
    };

    public static readonly FieldSpec FamilyName = new("FamilyName", FieldKind.Text, "Family name", "the child's family name") { MaxLength = 100 };

    public static readonly FieldSpec DateOfBirth = new("DateOfBirth", FieldKind.Date, "Date of birth", "the child's date of birth")
    {
        Required = false,
        Hint = "Leave this blank for an unborn child. For example, 27 3 2012",
    };

    public static readonly FieldSpec ExpectedDateOfBirth = new("ExpectedDateOfBirth", FieldKind.Date, "Expected date of birth (unborn child only)", "the expected date of birth")
    {
        Required = false,
        AllowFuture = true,
        Hint = "Only if the child is not yet born. For example, 14 8 2026",
    };

    public static readonly FieldSpec NhsNumberField = new("NhsNumber", FieldKind.Text, "NHS number (optional)", "the NHS number")
    {
        Required = false,
        MaxLength = 20,
        Hint = "For example, 485 777 3456",
    };

    public static readonly FieldSpec SexField = new("Sex", FieldKind.Radios, "Sex", "the child's sex")
    {
        Options = [new("M", "Male"), new("F", "Female"), new("U", "Not known", "Select this for an unborn child")],
    };

    public static readonly FieldSpec PostcodeField = new("Postcode", FieldKind.Text, "Postcode (optional)", "the postcode")
    {
        Required = false,
        MaxLength = 10,
        Hint = "Where the child lives",
    };

    public static readonly FieldSpec ChildChoice = new("Child", FieldKind.Radios, "Is the contact about one of these children?", "the child the contact is about")
    {
        RequiredMessage = "Select the child the contact is about, or that it is about a new child",
    };

    public static IReadOnlyList<FieldSpec> ChildFields { get; } = [GivenName, FamilyName, DateOfBirth, ExpectedDateOfBirth, NhsNumberField, SexField, PostcodeField];

    public DateOnly Today => options.Today;

    /// <summary>1: who the child is; 2: which child, and the contact.</summary>
    public int Step { get; private set; } = 1;

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<FrontDoorMatch> Matches { get; private set; } = [];

    /// <summary>The child question of step 2, with an option for each possible match.</summary>
    public FieldSpec Choice { get; private set; } = ChildChoice;

    public IReadOnlyList<FieldSpec> ContactFields => FrontDoorJourney.ContactFields(Today);

    public IReadOnlyList<FieldSpec> Fields => Step == 1 ? ChildFields : Matches.Count > 0 ? [Choice, .. ContactFields] : ContactFields;

    public string Heading => Step == 1 ? "Who is the contact about?" : "Record the contact";

    public ErrorSummary Errors => ErrorSummary.FromModelState(ModelState, Fields.Concat(ChildFields).Append(Choice).DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.FirstInputId));

    /// <summary>The child's details as given, for step 2.</summary>
    public List<SummaryListRow> ChildRows { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var form = Reader();
        var details = ReadChild(form);
        var step = form.Integer(StepName);
        if (details is null || step != 2 || Request.Form.ContainsKey(ChangeName))
        {
            // Step 1 answered (or the details need changing): on to step 2 when they are complete.
            if (details is null || Request.Form.ContainsKey(ChangeName))
            {
                if (Request.Form.ContainsKey(ChangeName))
                {
                    ModelState.Clear();
                }

                Step = 1;
                return Page();
            }

            await ShowStepTwoAsync(details, audited: true, cancellationToken);
            FrontDoorJourney.PrefillContact(Values, Today);
            return Page();
        }

        var (query, _) = details.Value;
        await ShowStepTwoAsync(details, audited: false, cancellationToken);
        // A child id is checked against what the person may see, whether or not it was offered.
        var raw = Values.GetValueOrDefault(ChildChoice.Name)?.Trim();
        string? choice = null;
        long? existingId = null;
        if (string.IsNullOrEmpty(raw))
        {
            if (Matches.Count > 0)
            {
                form.Error(Choice, ChildChoice.RequiredMessage!);
            }
            else
            {
                choice = NewChildValue;
            }
        }
        else if (raw == NewChildValue)
        {
            choice = NewChildValue;
        }
        else if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            existingId = parsed;
        }
        else
        {
            form.Error(Choice, "Select the child the contact is about from the list");
        }

        Child? existing = null;
        ChildAccessDecision? decision = null;
        if (existingId is { } id)
        {
            decision = await access.DecideAsync(id, cancellationToken);
            if (decision is not { } d || d.Level == ChildAccessLevel.Hidden)
            {
                await audit.WriteAsync(AuditAction.AccessDenied, false, id, detail: decision is null ? "front door contact: no such child" : "front door contact: restricted record", cancellationToken: cancellationToken);
                return NotFound();
            }

            existing = await db.Children.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
        }

        var contact = FrontDoorJourney.ReadContact(form, Today, existing is not null ? existing.DateOfBirth : details.Value.Child.DateOfBirth);
        if (!form.IsValid || contact is null || (existing is null && choice != NewChildValue))
        {
            return Page();
        }

        contact.RecordedByWorkerId = User.Worker();
        if (existing is not null)
        {
            contact.ChildId = existing.Id;
            db.Contacts.Add(contact);
            var basis = decision!.Value.CanOpen ? decision.Value.Basis : AccessBasis.FrontDoor;
            await audit.WriteRecordAsync(existing.Id, basis, Detail(contact), ct => db.SaveChangesAsync(ct), cancellationToken);
            TempData["done"] = "Contact recorded";
            return Redirect($"/children/{existing.Id}");
        }

        var child = details.Value.Child;
        var seen = (Values.GetValueOrDefault(SeenName) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1)
            .Concat(Matches.Select(m => m.Child.Id))
            .ToHashSet();
        var appeared = await FrontDoorJourney.SaveNewChildAsync(db, access, audit, HttpContext, child, contact, query, seen, cancellationToken);
        if (appeared.Count > 0)
        {
            await ShowStepTwoAsync(details, audited: false, cancellationToken);
            form.Error(Choice, "A child with similar details was recorded while you were working. Check whether the contact is about them");
            return Page();
        }

        TempData["done"] = "Child and contact recorded";
        return Redirect($"/children/{child.Id}");
    }

    private static string Detail(Contact contact) =>
        $"contact recorded at the front door: received {contact.ReceivedAt.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)}, source {contact.Source.Code}";

    private FormReader Reader()
    {
        var form = Request.HasFormContentType
            ? Request.Form.ToDictionary(kv => kv.Key, kv => (string?)string.Join(',', kv.Value.Where(v => v is not null)), StringComparer.Ordinal)
            : [];
        form.Remove("__RequestVerificationToken");
        return new FormReader(form, ModelState, Today, Values);
    }

    /// <summary>Reads step 1: null when anything is missing or wrong (the errors are on the form).</summary>
    private (DuplicateQuery Query, Child Child)? ReadChild(FormReader form)
    {
        var given = form.Text(GivenName);
        var family = form.Text(FamilyName);
        var dob = form.Date(DateOfBirth);
        var expected = form.Date(ExpectedDateOfBirth);
        var nhsText = form.Text(NhsNumberField);
        var sex = form.Code<Sex>(SexField);
        var postcodeText = form.Text(PostcodeField);
        if (dob is null && expected is null && !form.HasError(DateOfBirth) && !form.HasError(ExpectedDateOfBirth))
        {
            form.Error(DateOfBirth, "Enter the child's date of birth, or the expected date of birth if the child is not yet born");
        }
        else if (dob is not null && expected is not null)
        {
            form.Error(ExpectedDateOfBirth, "Leave the expected date of birth blank if the child has been born");
        }
        else if (expected is { } e && e > Today.AddDays(294))
        {
            form.Error(ExpectedDateOfBirth, $"The expected date of birth must be within 42 weeks of today, on or before {Display.Date(Today.AddDays(294))}");
        }
        else if (expected is { } late && late < Today.AddDays(-28))
        {
            form.Error(ExpectedDateOfBirth, "The expected date of birth must be no more than 4 weeks ago. If the child has been born, enter their date of birth instead");
        }

        string? nhs = null;
        if (nhsText is not null)
        {
            var digits = new string([.. nhsText.Where(c => !char.IsWhiteSpace(c) && c != '-')]);
            if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
            {
                form.Error(NhsNumberField, "NHS number must be 10 digits, like 485 777 3456");
            }
            else if (!NhsNumber.TryParse(digits, out var number))
            {
                form.Error(NhsNumberField, "Enter a valid NHS number. Check the digits: this is not a real NHS number");
            }
            else
            {
                nhs = number.Digits;
            }
        }

        string? postcode = null;
        if (postcodeText is not null)
        {
            if (Lantern.Domain.Identifiers.Postcode.TryParse(postcodeText, out var p))
            {
                postcode = p.Value;
            }
            else
            {
                form.Error(PostcodeField, "Enter a real postcode, like DN31 1HU");
            }
        }

        if (!form.IsValid || given is null || family is null || sex is null)
        {
            return null;
        }

        var child = new Child
        {
            GivenName = given,
            FamilyName = family,
            DateOfBirth = dob,
            ExpectedDateOfBirth = dob is null ? expected : null,
            NhsNumber = nhs,
            Sex = sex.Value,
            Postcode = postcode,
        };
        return (new DuplicateQuery(given, family, dob ?? expected, nhs), child);
    }

    /// <summary>Finds the possible duplicates and sets up step 2 (audited as a search when first shown).</summary>
    private async Task ShowStepTwoAsync((DuplicateQuery Query, Child Child)? details, bool audited, CancellationToken cancellationToken)
    {
        var (query, child) = details!.Value;
        Step = 2;
        Matches = await FrontDoorJourney.DuplicatesAsync(db, access, User, query, cancellationToken);
        Choice = ChildChoice with
        {
            Options =
            [
                .. Matches.Select(m => new FieldOption(
                    m.Child.Id.ToString(CultureInfo.InvariantCulture),
                    $"{m.Child.DisplayName}, {(m.Child.DateOfBirth is { } born ? "born " + Display.Date(born) : "expected " + Display.Date(m.Child.ExpectedDateOfBirth))} (child ID {m.Child.LaChildId})",
                    m.Match.Why + (m.CanOpen ? "" : ". You cannot open this record now; recording the contact gives you front door access"))),
                new FieldOption(NewChildValue, "None of these: create a new child"),
            ],
        };
        Values[SeenName] = string.Join(',', Matches.Select(m => m.Child.Id.ToString(CultureInfo.InvariantCulture)));
        ChildRows.Clear();
        ChildRows.Add(new SummaryListRow("Name", child.DisplayName));
        ChildRows.Add(child.DateOfBirth is { } dob
            ? new SummaryListRow("Date of birth", Display.Date(dob))
            : new SummaryListRow("Expected date of birth", Display.Date(child.ExpectedDateOfBirth)));
        ChildRows.Add(new SummaryListRow("NHS number", Display.NhsNumber(child.NhsNumber) ?? "Not given"));
        ChildRows.Add(new SummaryListRow("Sex", child.Sex.Code switch { "M" => "Male", "F" => "Female", _ => "Not known" }));
        ChildRows.Add(new SummaryListRow("Postcode", child.Postcode ?? "Not given"));
        if (audited)
        {
            await audit.WriteAsync(
                AuditAction.Search,
                true,
                detail: "front door duplicate check: " + Lantern.Web.Pages.Children.IndexModel.Criteria($"{query.GivenName} {query.FamilyName}", null, query.NhsNumber, query.Born, Matches.Count),
                cancellationToken: cancellationToken);
        }
    }
}
