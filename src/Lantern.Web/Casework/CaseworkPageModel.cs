using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Model;
using Lantern.Domain.Returns;
using Lantern.Web.Access;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Casework;

/// <summary>What every casework page needs, from the container in one piece.</summary>
public sealed class CaseworkServices(LanternDbContext db, LanternDataOptions data, ChildAccessService access, AuditWriter audit)
{
    public LanternDbContext Db => db;

    public LanternDataOptions Data => data;

    public ChildAccessService Access => access;

    public AuditWriter Audit => audit;
}

/// <summary>
/// The base of every page that records something on a child's record. It opens the child (the
/// person needs <see cref="Permission.RecordCasework"/> or the page's own permission, and full
/// access to this child: anything less is the same 404 or 403 the record page gives, and is
/// audited), reads the form through <see cref="FormReader"/>, warns about CIN census rules the entry
/// would break (<see cref="CinEntryCheck"/>) before saving, and saves the change and its audit entry
/// in one transaction, turning a concurrency failure into the conflict page.
/// </summary>
/// <remarks>Pages render <c>Casework/_Form</c> with <see cref="Fields"/> and <see cref="Values"/>.</remarks>
public abstract class CaseworkPageModel(CaseworkServices services) : PageModel
{
    /// <summary>Form name of the box ticked to save despite return warnings.</summary>
    public const string AcknowledgeName = "acknowledge-warnings";

    /// <summary>Form name of the hidden record version (optimistic concurrency).</summary>
    public const string VersionName = "record-version";

    protected LanternDbContext Db => services.Db;

    protected AuditWriter Audit => services.Audit;

    protected ChildAccessService Access => services.Access;

    public DateOnly Today => services.Data.Today;

    public Child Child { get; private set; } = null!;

    /// <summary>Why this person may open the child's record (written into the audit entries).</summary>
    public AccessBasis Basis { get; private set; }

    /// <summary>The signed-in person's worker record, when they have one.</summary>
    public long? MyWorkerId => User.Worker();

    /// <summary>The page heading (and title).</summary>
    public abstract string Heading { get; }

    /// <summary>The questions, in order.</summary>
    public abstract IReadOnlyList<FieldSpec> Fields { get; }

    /// <summary>The answers shown in the form: posted values, or the record's current ones.</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>CIN census rules the entry would break; set when the page asks to confirm.</summary>
    public IReadOnlyList<ReturnIssue> Warnings { get; private set; } = [];

    /// <summary>Set instead of saving when someone else changed the record first.</summary>
    public ConflictView? Conflict { get; private set; }

    /// <summary>What the clock says (due dates worked out for the person), shown above the questions.</summary>
    public List<SummaryListRow> Facts { get; } = [];

    /// <summary>Text of the save button.</summary>
    public virtual string SaveText => "Save";

    /// <summary>Where "Back" and "Cancel" go: the child's record.</summary>
    public virtual string RecordUrl => $"/children/{Child.Id}";

    /// <summary>The error summary, linking each message to its field.</summary>
    public ErrorSummary Errors => ErrorSummary.FromModelState(ModelState, Fields.ToDictionary(f => f.Name, f => f.FirstInputId));

    /// <summary>Opens child <paramref name="childId"/> for recording. Null when the page may go on;
    /// otherwise the result to return (404 for no such child or a hidden one, 403 for someone who
    /// may only see that the child is known).</summary>
    protected async Task<IActionResult?> OpenAsync(long childId, CancellationToken cancellationToken)
    {
        var decision = await Access.DecideAsync(childId, cancellationToken);
        if (decision is not { } d || d.Level == ChildAccessLevel.Hidden)
        {
            await Audit.WriteAsync(AuditAction.AccessDenied, false, childId, detail: decision is null ? "no such child" : "restricted record", cancellationToken: cancellationToken);
            return NotFound();
        }

        var basis = d.Basis;
        if (d.Level != ChildAccessLevel.Full)
        {
            if (await OtherAccessAsync(childId, cancellationToken) is not { } other)
            {
                await Audit.WriteAsync(AuditAction.AccessDenied, false, childId, detail: $"{Heading}: no relationship with the child", cancellationToken: cancellationToken);
                return Forbid();
            }

            basis = other;
        }

        var child = await Db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == childId, cancellationToken);
        if (child is null)
        {
            return NotFound();
        }

        Child = child;
        Basis = basis;
        if (HttpMethods.IsGet(Request.Method))
        {
            await Audit.WriteAsync(AuditAction.ReadRecord, true, childId, basis, detail: Heading, cancellationToken: cancellationToken);
        }

        return null;
    }

    /// <summary>Access this page gives on its own terms to someone who may see only that the child is
    /// known (never to a hidden record): the basis to audit, or null for none (the default).</summary>
    protected virtual Task<AccessBasis?> OtherAccessAsync(long childId, CancellationToken cancellationToken) => Task.FromResult<AccessBasis?>(null);

    /// <summary>A reader over the posted form; everything posted goes into <see cref="Values"/>.</summary>
    protected FormReader Reader()
    {
        var form = Request.HasFormContentType
            ? Request.Form.ToDictionary(kv => kv.Key, kv => (string?)string.Join(',', kv.Value.Where(v => v is not null)), StringComparer.Ordinal)
            : [];
        form.Remove("__RequestVerificationToken");
        return new FormReader(form, ModelState, Today, Values);
    }

    /// <summary>The child's whole file, for the clock and the return checks.</summary>
    protected Task<ChildFile> FileAsync(CancellationToken cancellationToken) => ChildFileLoader.LoadAsync(Db, Child, cancellationToken);

    /// <summary>The council's local standards.</summary>
    protected Task<LocalStandards> StandardsAsync(CancellationToken cancellationToken) => ChildFileLoader.StandardsAsync(Db, cancellationToken);

    /// <summary>Whether the entry may be saved as far as the CIN census is concerned: true when it
    /// breaks no rule it did not already break, or the person has seen the warnings and ticked to
    /// save anyway. Otherwise the warnings are set for the page to show, and it returns false.</summary>
    protected bool ReturnChecksAllow(ChildFile before, ChildFile after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var issues = CinEntryCheck.NewIssues(before, after, Today);
        if (issues.Count == 0)
        {
            return true;
        }

        if (Request.HasFormContentType && Request.Form[AcknowledgeName] == "yes")
        {
            return true;
        }

        Warnings = issues;
        return false;
    }

    /// <summary>Makes a change to a tracked record fail if the record has changed since the form was
    /// opened (the version the form carried). A missing or tampered version counts as stale.</summary>
    protected void ExpectVersion(Entity entity, FormReader form)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(form);
        Db.Entry(entity).Property(e => e.Version).OriginalValue = form.Integer(VersionName) ?? -1;
    }

    /// <summary>Puts a record's version into the form (for a page that changes an existing record).</summary>
    protected void CarryVersion(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Values[VersionName] = entity.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Saves the tracked changes and the audit entry (action WriteRecord, the child, the
    /// access basis and <paramref name="detail"/>) in one transaction, then goes to
    /// <paramref name="next"/> (the record by default) with a success banner. When someone else saved the
    /// same record first, nothing is saved and the page shows the conflict.</summary>
    protected async Task<IActionResult> SaveAsync(string detail, CancellationToken cancellationToken, string? done = null, string? next = null)
    {
        try
        {
            await Audit.WriteRecordAsync(Child.Id, Basis, detail, ct => Db.SaveChangesAsync(ct), cancellationToken);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            var last = await Db.AuditEntries.AsNoTracking()
                .Where(e => e.ChildId == Child.Id && e.Action == AuditAction.WriteRecord)
                .OrderByDescending(e => e.Id)
                .Select(e => new { e.UserName, e.At })
                .FirstOrDefaultAsync(cancellationToken);
            Conflict = await ConflictView.FromAsync(conflict, Heading, last?.UserName, last?.At, cancellationToken);
            Db.ChangeTracker.Clear();
            return Page();
        }

        if (done is not null)
        {
            TempData["done"] = done;
        }

        return Redirect(next ?? RecordUrl);
    }
}
