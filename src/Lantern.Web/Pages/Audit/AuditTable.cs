using System.Globalization;
using System.Net;
using Lantern.Domain.Access;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web.Pages.Audit;

/// <summary>Audit entries as a GOV.UK table, and plain-English names for what they record.</summary>
public static class AuditTable
{
    public static Table For(IReadOnlyList<AuditEntry> entries, IUrlHelper url, bool showChild)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(url);
        var rows = entries.Select(e =>
        {
            var cells = new List<TableCell>
            {
                new TableCell { Html = Time(e.At) },
                string.IsNullOrEmpty(e.UserName) ? "Nobody signed in" : e.UserName,
                e.Role is { } role ? AccessMatrix.Title(role) : "",
                new TableCell { Html = What(e) },
            };
            if (showChild)
            {
                cells.Add(e.ChildId is { } child
                    ? new TableCell { Html = new HtmlString($"<a class=\"govuk-link\" href=\"{WebUtility.HtmlEncode(url.Page("/Children/RecordAudit", new { id = child }))}\">{child.ToString(CultureInfo.InvariantCulture)}</a>") }
                    : "");
            }

            cells.Add(e.Basis is { } basis and not AccessBasis.None ? Basis(basis) : "");
            cells.Add(e.Reason ?? "");
            cells.Add(e.IpAddress ?? "");
            return (IReadOnlyList<TableCell>)cells;
        }).ToList();
        IReadOnlyList<TableCell> head = showChild
            ? ["When (UTC)", "Who", "Role", "What", "Child", "Why they could see it", "Reason given", "Address"]
            : ["When (UTC)", "Who", "Role", "What", "Why they could see it", "Reason given", "Address"];
        return new Table(rows)
        {
            Caption = "Audit entries, newest first",
            CaptionClasses = "govuk-visually-hidden",
            Head = head,
            Classes = "govuk-table--small-text-until-tablet",
        };
    }

    public static string When(DateTime at) => at.ToString("d MMMM yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A <c>time</c> element for <paramref name="at"/> (UTC).</summary>
    public static HtmlString Time(DateTime at) =>
        new($"<time datetime=\"{at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\">{WebUtility.HtmlEncode(When(at))}</time>");

    public static string Action(AuditAction action) => action switch
    {
        AuditAction.ReadRecord => "Opened the record",
        AuditAction.KnownOnlyView => "Saw that the child is known",
        AuditAction.WriteRecord => "Changed the record",
        AuditAction.Search => "Searched",
        AuditAction.Export => "Exported",
        AuditAction.BreakGlass => "Broke the glass",
        AuditAction.AccessDenied => "Refused access",
        AuditAction.ViewRecordAudit => "Looked at who has seen records",
        AuditAction.SignIn => "Signed in",
        AuditAction.SignInFailed => "Failed to sign in",
        AuditAction.SignOut => "Signed out",
        AuditAction.SignOutEverywhere => "Signed out everywhere",
        AuditAction.LockedOut => "Locked out",
        AuditAction.TwoFactorEnrolled => "Set up a sign-in device",
        AuditAction.TwoFactorFailed => "Wrong one-time code",
        AuditAction.AccountChanged => "Account changed",
        AuditAction.RequestRejected => "Request rejected",
        AuditAction.WorkforceChanged => "Workforce record changed",
        AuditAction.IndicatorSettingsChanged => "Indicator targets or benchmarks changed",
        AuditAction.ReturnImported => "Imported a statutory return",
        _ => Display.Words(action),
    };

    public static string Basis(AccessBasis basis) => basis switch
    {
        AccessBasis.AllocatedWorker => "Allocated worker",
        AccessBasis.ManagementLine => "Manages the allocated worker",
        AccessBasis.Team => "In the allocated worker's team",
        AccessBasis.Service => "Service manager of the child's service",
        AccessBasis.WholeService => "Head of service or director",
        AccessBasis.ReviewingOfficer => "Reviewing officer or conference chair",
        AccessBasis.Allegation => "Allegations officer",
        AccessBasis.CaseAudit => "Case audit",
        AccessBasis.NamedPerson => "Named on a restricted record",
        AccessBasis.BreakGlass => "Broke the glass",
        AccessBasis.PerformanceData => "Named-data access",
        AccessBasis.FrontDoor => "Front door (recent contact)",
        AccessBasis.UnallocatedQueue => "Allocating from the unallocated queue",
        _ => "",
    };

    private static HtmlString What(AuditEntry e)
    {
        var text = WebUtility.HtmlEncode(Action(e.Action));
        if (!e.Succeeded && e.Action is not (AuditAction.AccessDenied or AuditAction.SignInFailed or AuditAction.TwoFactorFailed or AuditAction.LockedOut or AuditAction.RequestRejected))
        {
            text += " (refused)";
        }

        if (!string.IsNullOrEmpty(e.Detail))
        {
            text += $"<br><span class=\"govuk-body-s govuk-!-margin-0\">{WebUtility.HtmlEncode(e.Detail)}</span>";
        }

        return new HtmlString(text);
    }
}

/// <summary>Model for <c>Audit/_Pagination</c> (GOV.UK pagination).</summary>
public sealed record Pagination(int Current, int Count, Func<int, string> Href)
{
    /// <summary>Page numbers to show, with null for an ellipsis: the first, the last, and those next to the current.</summary>
    public IReadOnlyList<int?> Items
    {
        get
        {
            var items = new List<int?>();
            for (var p = 1; p <= Count; p++)
            {
                if (p == 1 || p == Count || Math.Abs(p - Current) <= 1)
                {
                    items.Add(p);
                }
                else if (items.Count > 0 && items[^1] is not null)
                {
                    items.Add(null);
                }
            }

            return items;
        }
    }
}
