using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Security;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests;

/// <summary>The authorization matrix, from the running server's own endpoints: every page must
/// declare who may use it, and every demo role gets exactly the pages its permissions allow. The
/// expected answer comes from each page's metadata and <see cref="AccessMatrix"/>, so pages added
/// later are covered without changing this test.</summary>
public sealed partial class AuthorizationMatrixTests(LanternWebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every demo account: one per role, and the analyst given named-data access.</summary>
    public static TheoryData<string> Accounts()
    {
        var data = new TheoryData<string>();
        foreach (var role in AccessMatrix.Roles)
        {
            data.Add(DemoAccess.UserName(role));
        }

        data.Add(DemoAccess.NamedAnalystUserName);
        return data;
    }

    [Fact]
    public async Task Every_page_allows_anonymous_use_or_requires_a_permission_or_a_signed_in_account()
    {
        var pages = await PageEndpoints.AllAsync(server);

        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{page.Route} ({page.PageName}): {page.Describe()}");
        }

        var unprotected = pages.Where(p => p.Access == PageAccess.Unspecified).Select(p => $"{p.Route} ({p.PageName})").ToList();
        Assert.True(unprotected.Count == 0, "These pages have neither [AllowAnonymous], [RequirePermission] nor [SignedIn]:\n" + string.Join('\n', unprotected));

        // Every page of this issue is among them, with the permission it should have.
        Assert.Equal(Permission.FindChildren, pages.Single(p => p.Route == "/children").Permission);
        Assert.Equal(Permission.FindChildren, pages.Single(p => p.Route == "/children/{id:long}").Permission);
        Assert.Equal(Permission.FindChildren, pages.Single(p => p.Route == "/children/{id:long}/break-glass").Permission);
        Assert.Equal(Permission.ViewRecordAudit, pages.Single(p => p.Route == "/children/{id:long}/audit").Permission);
        Assert.Equal(Permission.ViewAuditTrail, pages.Single(p => p.Route == "/audit").Permission);
        Assert.Equal(Permission.ViewTeamBreakGlass, pages.Single(p => p.Route == "/audit/break-glass").Permission);
        Assert.Equal(Permission.ViewAccessAlerts, pages.Single(p => p.Route == "/audit/alerts").Permission);
        Assert.Equal(Permission.ViewAggregates, pages.Single(p => p.Route == "/numbers").Permission);
        Assert.Equal(PageAccess.Anonymous, pages.Single(p => p.Route == "/account/sign-in").Access);
        Assert.Equal(Permission.RecordCasework, pages.Single(p => p.Route == "/my-work").Permission);
        Assert.Equal(Permission.ViewTeamWork, pages.Single(p => p.Route == "/team-work").Permission);
        Assert.Equal(Permission.RecordCasework, pages.Single(p => p.Route == "/children/{id:long}/visits/new").Permission);
        Assert.Equal(Permission.ViewAggregates, pages.Single(p => p.Route == "/indicators/targets").Permission);
        Assert.Equal(Permission.ViewAggregates, pages.Single(p => p.Route == "/indicators/benchmarks").Permission);
        Assert.Equal(Permission.ExportReturns, pages.Single(p => p.Route == "/returns").Permission);
        Assert.Equal(Permission.ExportReturns, pages.Single(p => p.Route == "/returns/export").Permission);
        Assert.Equal(Permission.ExportReturns, pages.Single(p => p.Route == "/returns/jobs/{id:long}").Permission);
        Assert.Equal(Permission.ImportReturns, pages.Single(p => p.Route == "/returns/import").Permission);
        Assert.Equal(Permission.RecordCasework, pages.Single(p => p.Route == "/data-quality").Permission);
        Assert.Equal(Permission.ViewTeamWork, pages.Single(p => p.Route == "/data-quality/team").Permission);
        Assert.Equal(Permission.ViewTeamWork, pages.Single(p => p.Route == "/data-quality/workers/{id:long}").Permission);

        // The performance pages: numbers for those who may see them; the children behind a figure
        // also need the permission to open records (and the page itself checks for numbers too).
        foreach (var route in new[] { "/indicators", "/indicators/front-door", "/indicators/assessment", "/indicators/child-protection", "/indicators/looked-after", "/indicators/care-leavers", "/indicators/workforce", "/indicators/other", "/indicators/{id}", "/indicators/{id}/definition" })
        {
            Assert.Equal(Permission.ViewAggregates, pages.Single(p => p.Route == route).Permission);
        }

        Assert.Equal(Permission.ViewChildRecords, pages.Single(p => p.Route == "/indicators/{id}/children").Permission);
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Each_role_gets_exactly_the_pages_its_permissions_allow(string userName)
    {
        var pages = (await PageEndpoints.AllAsync(server)).Where(p => p.Access != PageAccess.Anonymous).ToList();
        var (role, namedData, userId) = await AccountAsync(userName);
        // A worker's pages get the account's own worker (in their scope), or the first worker.
        var workerId = await WorkerForAsync(userName);
        var (child, canOpen) = await ChildForAsync(userName);
        var session = await SessionPool.ForAsync(server, userName);
        var failures = new List<string>();

        foreach (var page in pages)
        {
            var path = page.PathFor(child, userId, workerId);
            var expected = page.Access == PageAccess.SignedIn || AccessMatrix.Allows(role, page.Permission!.Value, namedData);

            // Parts of a child's record, and recording on it, need a relationship with the child as
            // well: an account whose only child is one it may not open is refused by those pages.
            if (!canOpen && page.IsRecordingOnAChild)
            {
                expected = false;
            }

            // The children behind a figure need numbers as well as records.
            if (page.Route == "/indicators/{id}/children" && !AccessMatrix.Allows(role, Permission.ViewAggregates, namedData))
            {
                expected = false;
            }
            var (response, _) = await session.GetAsync(path);
            var status = (int)response.StatusCode;
            var location = response.Headers.Location is { } l ? new Uri(server.RootUri, l).AbsolutePath : null;
            var denied = response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && location == "/account/access-denied");
            var allowed = response.StatusCode == HttpStatusCode.OK
                || (response.StatusCode == HttpStatusCode.NotFound && page.HasParameters)
                || (response.StatusCode == HttpStatusCode.Redirect && location is not ("/account/access-denied" or "/account/sign-in"));
            if (expected && !allowed)
            {
                failures.Add($"{path}: {role} should be allowed ({page.Describe()}) but got {status} {location}");
            }
            else if (!expected && !denied)
            {
                failures.Add($"{path}: {role} should be refused ({page.Describe()}) but got {status} {location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_from_every_page_that_needs_an_account()
    {
        var pages = await PageEndpoints.AllAsync(server);
        var child = (await AccessProbe.ChildrenAsync(server, StaffRole.Director, d => d.CanOpen))[0];
        using var anonymous = Session.Anonymous(server.RootUri);
        var failures = new List<string>();

        foreach (var page in pages.Where(p => p.Access != PageAccess.Anonymous))
        {
            var path = page.PathFor(child, "00000000-0000-4000-8000-000000000000");
            var (response, _) = await anonymous.GetAsync(path);
            var location = response.Headers.Location is { } l ? new Uri(server.RootUri, l) : null;
            if (response.StatusCode != HttpStatusCode.Redirect || location?.AbsolutePath != "/account/sign-in")
            {
                failures.Add($"{path}: expected a redirect to /account/sign-in, got {(int)response.StatusCode} {location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task<long> WorkerForAsync(string userName)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.WorkerId).SingleAsync(Ct)
            ?? await db.Workers.AsNoTracking().OrderBy(w => w.Id).Select(w => w.Id).FirstAsync(Ct);
    }

    private async Task<(StaffRole Role, bool NamedData, string UserId)> AccountAsync(string userName)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, Ct);
        return (user.Role, user.NamedDataAccess, user.Id);
    }

    /// <summary>The child to put in {id}: one whose record the account may open if there is one,
    /// else one they may know of, else any child with an allocation.</summary>
    private async Task<(long Child, bool CanOpen)> ChildForAsync(string userName)
    {
        var canOpen = true;
        foreach (var fits in new Func<ChildAccessDecision, bool>[] { d => d.CanOpen, d => d.Level == ChildAccessLevel.KnownOnly, _ => true })
        {
            if (await AccessProbe.FindChildrenAsync(server, userName, fits) is [var first, ..])
            {
                return (first, canOpen);
            }

            canOpen = false;
        }

        throw new InvalidOperationException("The demo has no allocated children.");
    }
}

public enum PageAccess
{
    Unspecified,
    Anonymous,
    SignedIn,
    Permission,
}

/// <summary>A Razor page endpoint and what its metadata says about who may use it.</summary>
public sealed partial record PageEndpoint(string Route, string PageName, PageAccess Access, Permission? Permission)
{
    /// <summary>The indicator whose pages are visited (one that exists in every build of the catalogue).</summary>
    public const string IndicatorRouteId = "referrals_per_10k";

    public bool HasParameters => Route.Contains('{', StringComparison.Ordinal);

    /// <summary>A page that shows part of one child's record (notes, chronology) or records or
    /// authorises something on it: it needs full access to that child, not only the permission.</summary>
    public bool IsRecordingOnAChild => Route.StartsWith("/children/{", StringComparison.Ordinal)
        && Permission is Domain.Access.Permission.ViewChildRecords or Domain.Access.Permission.RecordCasework or Domain.Access.Permission.AuthoriseCasework;

    public string Describe() => Access == PageAccess.Permission ? $"needs {Permission}" : Access.ToString();

    /// <summary>The route with real values: a child's id for a child's page, a worker's id for a
    /// worker's page, an account id for an account's page; optional parameters left out.</summary>
    public string PathFor(long childId, string userId, long workerId = 1)
    {
        var path = Parameter().Replace(Route, m =>
        {
            if (m.Groups["optional"].Success)
            {
                return "";
            }

            var name = m.Groups["name"].Value;
            if (Route.StartsWith("/indicators/", StringComparison.Ordinal))
            {
                return IndicatorRouteId;
            }

            if (Route.StartsWith("/workforce/workers/", StringComparison.Ordinal) || Route.StartsWith("/data-quality/workers/", StringComparison.Ordinal))
            {
                return workerId.ToString(CultureInfo.InvariantCulture);
            }

            if (Route.StartsWith("/returns/", StringComparison.Ordinal))
            {
                // A job number (none exists under this one: the page's permission is checked first).
                return "999999";
            }

            var isChild = Route.StartsWith("/children/", StringComparison.Ordinal) || name.Contains("child", StringComparison.OrdinalIgnoreCase);
            return isChild ? childId.ToString(CultureInfo.InvariantCulture) : Uri.EscapeDataString(userId);
        });
        path = path.Replace("//", "/", StringComparison.Ordinal);
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<constraints>:[^}?=]*)?(?<default>=[^}]*)?(?<optional>\?)?\}")]
    private static partial Regex Parameter();
}

/// <summary>The page endpoints of a running server, with the metadata of each page's compiled
/// descriptor (which includes the page model's attributes, not only the .cshtml's).</summary>
public static class PageEndpoints
{
    public static async Task<IReadOnlyList<PageEndpoint>> AllAsync(LanternWebServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var source = server.Services.GetRequiredService<EndpointDataSource>();
        var loader = server.Services.GetRequiredService<PageLoader>();
        var pages = new Dictionary<string, PageEndpoint>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var metadata = new EndpointMetadataCollection(compiled.EndpointMetadata.Concat(endpoint.Metadata));
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            pages[route] = Describe(route, descriptor.ViewEnginePath, metadata);
        }

        return [.. pages.Values.OrderBy(p => p.Route, StringComparer.Ordinal)];
    }

    private static PageEndpoint Describe(string route, string pageName, EndpointMetadataCollection metadata)
    {
        if (metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return new PageEndpoint(route, pageName, PageAccess.Anonymous, null);
        }

        if (metadata.GetMetadata<RequirePermissionAttribute>() is { } permission)
        {
            return new PageEndpoint(route, pageName, PageAccess.Permission, permission.Permission);
        }

        var policies = metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => !string.IsNullOrEmpty(p)).ToList();
        if (policies.Contains(PermissionPolicies.SignedIn))
        {
            return new PageEndpoint(route, pageName, PageAccess.SignedIn, null);
        }

        foreach (var p in Enum.GetValues<Permission>())
        {
            if (policies.Contains(PermissionPolicies.Name(p)))
            {
                return new PageEndpoint(route, pageName, PageAccess.Permission, p);
            }
        }

        return new PageEndpoint(route, pageName, PageAccess.Unspecified, null);
    }
}
