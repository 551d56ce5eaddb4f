using System.Globalization;
using Lantern.Domain.Model;

namespace Lantern.Domain.Staffing;

/// <summary>A reason a worker's record cannot be saved, naming the field to correct.</summary>
public sealed record WorkerProblem(string Field, string Message);

/// <summary>A new worker as entered on the starter form, before it is checked: text as typed (FTE,
/// staff ID and registration are read here), choices and dates as read from the form (null when not
/// given).</summary>
public sealed record StarterDraft
{
    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? StaffId { get; init; }

    public WorkerRole? Role { get; init; }

    public long? TeamId { get; init; }

    /// <summary>The worker's manager, when one is chosen.</summary>
    public Worker? Manager { get; init; }

    public EmploymentType? Employment { get; init; }

    /// <summary>Full-time equivalent as typed, for example "0.8".</summary>
    public string? Fte { get; init; }

    /// <summary>Social Work England registration number as typed, for example "SW123456".</summary>
    public string? Registration { get; init; }

    public DateOnly? StartDate { get; init; }

    /// <summary>The end of the assessed and supported year in employment, for a newly qualified social worker.</summary>
    public DateOnly? AsyeEndDate { get; init; }
}

/// <summary>The rules for recording a starter: who they are (names, a staff ID no other worker has),
/// the role a council hires into a team, the team, employment, FTE between 0.1 and 1, a Social Work
/// England registration number for a social work role (<see cref="WorkforceCensus.IsSocialWorkRole"/>),
/// a start date no more than a year ahead, and for a newly qualified social worker the end of the
/// assessed and supported year, after the start and within 15 months of it.</summary>
public static class WorkerRules
{
    public const int NameLength = 100;

    public const int StaffIdLength = 20;

    public const int RegistrationLength = 20;

    public const decimal MinimumFte = 0.1m;

    public const decimal MaximumFte = 1.0m;

    /// <summary>How far after the start the assessed and supported year may end.</summary>
    public const int AsyeMonths = 15;

    /// <summary>The roles a council records a starter into a team in.</summary>
    public static IReadOnlyList<WorkerRole> StarterRoles { get; } =
    [
        WorkerRole.SocialWorker,
        WorkerRole.AdvancedPractitioner,
        WorkerRole.TeamManager,
        WorkerRole.PersonalAdviser,
        WorkerRole.EarlyHelpPractitioner,
        WorkerRole.IndependentReviewingOfficer,
        WorkerRole.BusinessSupport,
    ];

    /// <summary>Whether someone in <paramref name="role"/> must be registered with Social Work England.</summary>
    public static bool NeedsRegistration(WorkerRole role) => WorkforceCensus.IsSocialWorkRole(role);

    /// <summary>A staff ID as stored: trimmed and in capitals (so "sw0012" and "SW0012" are the same ID).</summary>
    public static string? NormaliseStaffId(string? staffId) =>
        string.IsNullOrWhiteSpace(staffId) ? null : staffId.Trim().ToUpperInvariant();

    /// <summary>A registration number as stored: without spaces and in capitals.</summary>
    public static string? NormaliseRegistration(string? registration) =>
        string.IsNullOrWhiteSpace(registration) ? null : string.Concat(registration.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>The FTE typed, when it is a number (null otherwise).</summary>
    public static decimal? ParseFte(string? fte) =>
        decimal.TryParse(fte?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The problems with <paramref name="draft"/>; <paramref name="staffIdInUse"/> says
    /// whether another worker already has its staff ID (as <see cref="NormaliseStaffId"/> gives it).</summary>
    public static IReadOnlyList<WorkerProblem> CheckStarter(StarterDraft draft, bool staffIdInUse, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<WorkerProblem>();
        Name(problems, "GivenName", "given name", draft.GivenName);
        Name(problems, "FamilyName", "family name", draft.FamilyName);

        var staffId = NormaliseStaffId(draft.StaffId);
        if (staffId is null)
        {
            problems.Add(new("StaffId", "Enter the worker's staff ID"));
        }
        else if (staffId.Length > StaffIdLength)
        {
            problems.Add(new("StaffId", $"Staff ID must be {StaffIdLength} characters or fewer"));
        }
        else if (!staffId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            problems.Add(new("StaffId", "Staff ID must contain only letters, numbers and hyphens"));
        }
        else if (staffIdInUse)
        {
            problems.Add(new("StaffId", $"Staff ID {staffId} is already another worker's: enter this worker's own staff ID"));
        }

        if (draft.Role is not { } role)
        {
            problems.Add(new("Role", "Choose the worker's role"));
        }
        else if (!StarterRoles.Contains(role))
        {
            problems.Add(new("Role", "Select the worker's role from the list"));
        }

        if (draft.TeamId is null)
        {
            problems.Add(new("TeamId", "Choose the worker's team"));
        }

        if (draft.Employment is null)
        {
            problems.Add(new("Employment", "Choose whether the council employs the worker or they come through an agency"));
        }

        var fte = ParseFte(draft.Fte);
        if (string.IsNullOrWhiteSpace(draft.Fte))
        {
            problems.Add(new("Fte", "Enter the worker's FTE, for example 1 for full time or 0.5 for half time"));
        }
        else if (fte is not { } f)
        {
            problems.Add(new("Fte", "FTE must be a number, like 1 for full time or 0.5 for half time"));
        }
        else if (f < MinimumFte)
        {
            problems.Add(new("Fte", "FTE must be 0.1 or more"));
        }
        else if (f > MaximumFte)
        {
            problems.Add(new("Fte", "FTE must be 1 or less (1 is full time)"));
        }
        else if (decimal.Round(f, 2) != f)
        {
            problems.Add(new("Fte", "FTE must have no more than 2 decimal places"));
        }

        var registration = NormaliseRegistration(draft.Registration);
        if (registration is null)
        {
            if (draft.Role is { } r && NeedsRegistration(r))
            {
                problems.Add(new("Registration", "Enter the worker's Social Work England registration number: social workers, advanced practitioners, team managers and reviewing officers must be registered"));
            }
        }
        else if (registration.Length > RegistrationLength || registration.Length < 3 || !registration.StartsWith("SW", StringComparison.Ordinal) || !registration[2..].All(char.IsAsciiDigit))
        {
            problems.Add(new("Registration", "Social Work England registration number must be SW followed by numbers, like SW123456"));
        }

        if (draft.StartDate is not { } start)
        {
            problems.Add(new("StartDate", "Enter the date the worker starts"));
        }
        else if (start > today.AddYears(1))
        {
            problems.Add(new("StartDate", $"The start date must be no more than a year from today (on or before {Show(today.AddYears(1))})"));
        }
        else if (draft.Manager is { LeftDate: { } left } manager && left < start)
        {
            problems.Add(new("ManagerId", $"{manager.DisplayName} leaves on {Show(left)}, before the worker starts: choose another manager"));
        }

        if (draft.AsyeEndDate is { } asyeEnd)
        {
            if (draft.Role is { } r && !NeedsRegistration(r))
            {
                problems.Add(new("AsyeEndDate", "Leave the end of the assessed and supported year blank: it is only for newly qualified social workers"));
            }
            else if (draft.StartDate is { } from && asyeEnd <= from)
            {
                problems.Add(new("AsyeEndDate", "The end of the assessed and supported year must be after the start date"));
            }
            else if (draft.StartDate is { } begun && asyeEnd > begun.AddMonths(AsyeMonths))
            {
                problems.Add(new("AsyeEndDate", $"The end of the assessed and supported year must be within {AsyeMonths} months of the start date (on or before {Show(begun.AddMonths(AsyeMonths))})"));
            }
        }

        return problems;
    }

    /// <summary>The worker <paramref name="draft"/> describes; only for a draft with no problems.</summary>
    /// <exception cref="ArgumentException">The draft has problems.</exception>
    public static Worker Starter(StarterDraft draft, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (CheckStarter(draft, staffIdInUse: false, today) is [var first, ..])
        {
            throw new ArgumentException($"The starter cannot be recorded: {first.Field}: {first.Message}", nameof(draft));
        }

        return new Worker
        {
            GivenName = draft.GivenName!.Trim(),
            FamilyName = draft.FamilyName!.Trim(),
            StaffId = NormaliseStaffId(draft.StaffId)!,
            Role = draft.Role!.Value,
            TeamId = draft.TeamId!.Value,
            ManagerId = draft.Manager?.Id,
            Employment = draft.Employment!.Value,
            Fte = ParseFte(draft.Fte)!.Value,
            Registration = NormaliseRegistration(draft.Registration),
            StartDate = draft.StartDate!.Value,
            AsyeEndDate = draft.AsyeEndDate,
        };
    }

    private static void Name(List<WorkerProblem> problems, string field, string what, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, $"Enter the worker's {what}"));
        }
        else if (value.Trim().Length > NameLength)
        {
            problems.Add(new(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {NameLength} characters or fewer"));
        }
    }

    private static string Show(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
