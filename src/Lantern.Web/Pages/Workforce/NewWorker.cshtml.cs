using System.Globalization;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Domain.Model;
using Lantern.Domain.Staffing;
using Lantern.Web.Access;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Lantern.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lantern.Web.Pages.Workforce;

/// <summary>The questions of the starter form. Whether an answer is needed, and whether it is right,
/// is for <see cref="WorkerRules.CheckStarter"/>: the form only reads the answers (dates that are
/// real dates, choices from the list).</summary>
public static class StarterFields
{
    /// <summary>Text is read up to this length; the rules say how long each answer may be.</summary>
    private const int Longest = 500;

    public static readonly FieldSpec GivenName = new("GivenName", FieldKind.Text, "Given name", "the worker's given name") { Required = false, MaxLength = Longest };

    public static readonly FieldSpec FamilyName = new("FamilyName", FieldKind.Text, "Family name", "the worker's family name") { Required = false, MaxLength = Longest };

    public static readonly FieldSpec StaffId = new("StaffId", FieldKind.Text, "Staff ID", "the staff ID")
    {
        Required = false,
        MaxLength = Longest,
        Hint = "The council's identifier for the worker, used in the SSDA903 return. No other worker can have it. For example, SW004512",
    };

    public static readonly FieldSpec Role = new("Role", FieldKind.Radios, "Role", "the worker's role")
    {
        Required = false,
        Options = [.. WorkerRules.StarterRoles.Select(r => new FieldOption(r.ToString(), WorkerModel.RoleName(r)))],
    };

    public static readonly FieldSpec TeamId = new("TeamId", FieldKind.Select, "Team", "the worker's team") { Required = false };

    public static readonly FieldSpec ManagerId = new("ManagerId", FieldKind.Select, "Manager (optional)", "the worker's manager")
    {
        Required = false,
        Hint = "Who supervises them. Workers in post whose work you see",
    };

    public static readonly FieldSpec Employment = new("Employment", FieldKind.Radios, "Employment", "whether the council employs the worker")
    {
        Required = false,
        Options =
        [
            new FieldOption(nameof(EmploymentType.Employed), "Employed by the council"),
            new FieldOption(nameof(EmploymentType.Agency), "Agency", "Through an agency, not paid directly by the council"),
        ],
    };

    public static readonly FieldSpec Fte = new("Fte", FieldKind.Text, "FTE (full-time equivalent)", "the worker's FTE")
    {
        Required = false,
        MaxLength = Longest,
        Hint = "From 0.1 to 1. For example, 1 for full time or 0.6 for three days a week",
    };

    public static readonly FieldSpec Registration = new("Registration", FieldKind.Text, "Social Work England registration number", "the registration number")
    {
        Required = false,
        MaxLength = Longest,
        Hint = "Needed for social workers, advanced practitioners, team managers and independent reviewing officers. For example, SW123456",
    };

    public static readonly FieldSpec StartDate = new("StartDate", FieldKind.Date, "Start date", "the start date")
    {
        Required = false,
        AllowFuture = true,
        Hint = "Their first day in post, no more than a year from today. For example, 13 4 2026",
    };

    public static readonly FieldSpec AsyeEndDate = new("AsyeEndDate", FieldKind.Date, "End of the assessed and supported year (optional)", "the end of the assessed and supported year")
    {
        Required = false,
        AllowFuture = true,
        Hint = "For a newly qualified social worker: the last day of their assessed and supported year in employment, within 15 months of starting",
    };
}

/// <summary>Record a starter: a worker joining one of the person's teams (<see cref="WorkerRules"/>
/// says what a starter needs). The worker is saved with a <see cref="AuditAction.WorkforceChanged"/>
/// entry in one transaction, and the staff ID is checked again inside it, so two people recording the
/// same staff ID at once cannot both save it. The worker directory is then dropped so that access and
/// the team lists see the new worker at once.</summary>
[RequirePermission(Permission.AllocateWork)]
public sealed class NewWorkerModel(LanternDbContext db, LanternDataOptions options, WorkLists lists, ChildAccessService access, AuditWriter audit, IMemoryCache cache) : PageModel
{
    /// <summary>The id the new worker stands in for before they are saved (ids are positive).</summary>
    private const long NotYetSaved = -1;

    public DateOnly Today => options.Today;

    public FieldSpec TeamField { get; private set; } = StarterFields.TeamId;

    public FieldSpec ManagerField { get; private set; } = StarterFields.ManagerId;

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<FieldSpec> Fields =>
    [
        StarterFields.GivenName, StarterFields.FamilyName, StarterFields.StaffId, StarterFields.Role, TeamField, ManagerField,
        StarterFields.Employment, StarterFields.Fte, StarterFields.Registration, StarterFields.StartDate, StarterFields.AsyeEndDate,
    ];

    public ErrorSummary Errors => ErrorSummary.FromModelState(ModelState, Fields.ToDictionary(f => f.Name, f => f.FirstInputId));

    /// <summary>The error shown against <paramref name="field"/>, if any.</summary>
    public string? ErrorOf(FieldSpec field) => ModelState[field.Name]?.Errors.FirstOrDefault()?.ErrorMessage;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var directory = await PrepareAsync(cancellationToken);

        // The person's own team is the likely one.
        if (directory.Worker(User.Worker()) is { } me && TeamField.Options.Any(o => o.Value == me.TeamId.ToString(CultureInfo.InvariantCulture)))
        {
            Values[TeamField.Name] = me.TeamId.ToString(CultureInfo.InvariantCulture);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var directory = await PrepareAsync(cancellationToken);
        var form = Request.Form.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString(), StringComparer.Ordinal);
        form.Remove("__RequestVerificationToken");
        var reader = new FormReader(form, ModelState, Today, Values);
        var given = reader.Text(StarterFields.GivenName);
        var family = reader.Text(StarterFields.FamilyName);
        var staffId = reader.Text(StarterFields.StaffId);
        var role = reader.Choice<WorkerRole>(StarterFields.Role);
        var teamId = Id(reader.Option(TeamField));
        var managerId = Id(reader.Option(ManagerField));
        var employment = reader.Choice<EmploymentType>(StarterFields.Employment);
        var fte = reader.Text(StarterFields.Fte);
        var registration = reader.Text(StarterFields.Registration);
        var start = reader.Date(StarterFields.StartDate);
        var asyeEnd = reader.Date(StarterFields.AsyeEndDate);
        var manager = managerId is { } m ? await db.Workers.AsNoTracking().SingleOrDefaultAsync(w => w.Id == m, cancellationToken) : null;
        var draft = new StarterDraft
        {
            GivenName = given,
            FamilyName = family,
            StaffId = staffId,
            Role = role,
            TeamId = teamId,
            Manager = manager,
            Employment = employment,
            Fte = fte,
            Registration = registration,
            StartDate = start,
            AsyeEndDate = asyeEnd,
        };
        var normalised = WorkerRules.NormaliseStaffId(staffId);
        var inUse = normalised is not null && await StaffIdInUseAsync(normalised, cancellationToken);
        foreach (var problem in WorkerRules.CheckStarter(draft, inUse, Today))
        {
            reader.Error(Fields.Single(f => f.Name == problem.Field), problem.Message);
        }

        // The person must see the new worker's work, or they could not open the page they are sent
        // to: in a team they manage, or managed by them or someone below them.
        if (teamId is { } team && !reader.HasError(TeamField) && !reader.HasError(ManagerField))
        {
            var after = new WorkerDirectory([.. directory.Workers.Values, new WorkerEntry(NotYetSaved, "", role ?? WorkerRole.SocialWorker, team, managerId)], directory.Teams.Values);
            if (WorkLists.ScopeIn(after, User, null)?.Includes(NotYetSaved) != true)
            {
                reader.Error(TeamField, "You would not see this worker's work in that team: choose your own team, or choose yourself or someone you manage as their manager");
            }
        }

        if (!reader.IsValid)
        {
            return Page();
        }

        var worker = WorkerRules.Starter(draft, Today);
        try
        {
            await audit.WriteNewWorkerAsync(
                async ct =>
                {
                    // Checked again in the audit transaction, which no other audited write shares.
                    if (await StaffIdInUseAsync(worker.StaffId, ct))
                    {
                        throw new StaffIdTakenException();
                    }

                    db.Workers.Add(worker);
                    await db.SaveChangesAsync(ct);
                    return (worker.Id, string.Create(
                        CultureInfo.InvariantCulture,
                        $"starter recorded: worker {worker.Id}, {worker.Role}, team {worker.TeamId}, {worker.Employment}, {worker.Fte} FTE, starts {Display.Iso(worker.StartDate)}{(worker.AsyeEndDate is { } end ? ", assessed and supported year to " + Display.Iso(end) : "")}"));
                },
                cancellationToken);
        }
        catch (StaffIdTakenException)
        {
            db.ChangeTracker.Clear();
            var problem = WorkerRules.CheckStarter(draft, staffIdInUse: true, Today).First(p => p.Field == StarterFields.StaffId.Name);
            reader.Error(StarterFields.StaffId, problem.Message);
            return Page();
        }

        ChildAccessService.ForgetDirectory(cache);
        TempData["done"] = $"{worker.DisplayName} is recorded as a starter from {Display.Date(worker.StartDate)}";
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/workforce/workers/{worker.Id}"));
    }

    /// <summary>Whether a worker has <paramref name="staffId"/> (in capitals), whatever the case it was stored in.</summary>
    private Task<bool> StaffIdInUseAsync(string staffId, CancellationToken cancellationToken) =>
#pragma warning disable CA1862 // ToUpper translates to SQL on both providers; StringComparison does not.
        db.Workers.AsNoTracking().AnyAsync(w => w.StaffId.ToUpper() == staffId, cancellationToken);
#pragma warning restore CA1862

    private static long? Id(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The teams in the person's scope and the workers in post in it (for their manager).</summary>
    private async Task<WorkerDirectory> PrepareAsync(CancellationToken cancellationToken)
    {
        var directory = await access.DirectoryAsync(cancellationToken);
        var scope = await lists.ScopeAsync(User, null, cancellationToken);
        var teams = scope?.Teams ?? [];
        TeamField = StarterFields.TeamId with
        {
            Options = [.. teams.Select(t => new FieldOption(t.Id.ToString(CultureInfo.InvariantCulture), t.Name))],
        };
        var today = Today;
        var ids = scope is null ? [] : scope.Everyone ? directory.Workers.Keys.ToList() : scope.Workers.ToList();
        var managers = await db.Workers.AsNoTracking()
            .Where(w => ids.Contains(w.Id) && w.StartDate <= today && (w.LeftDate == null || w.LeftDate >= today))
            .ToListAsync(cancellationToken);
        ManagerField = StarterFields.ManagerId with
        {
            Options =
            [
                .. managers
                    .OrderBy(w => w.FamilyName, StringComparer.Ordinal).ThenBy(w => w.GivenName, StringComparer.Ordinal).ThenBy(w => w.Id)
                    .Select(w => new FieldOption(w.Id.ToString(CultureInfo.InvariantCulture), $"{w.DisplayName} ({WorkerModel.RoleName(w.Role)}, {directory.TeamOf(w.Id)?.Name ?? "no team"})")),
            ],
        };
        return directory;
    }

    /// <summary>Another worker was saved with the staff ID while the form was being checked.</summary>
    private sealed class StaffIdTakenException : Exception;
}
