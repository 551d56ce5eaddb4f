using System.Diagnostics;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Web.Access;
using Lantern.Web.Security;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Benchmarks;

/// <summary>The default-profile demo authority (eleven years, about 70,000 children), for benchmarks.</summary>
public sealed class FullDemoServer : LanternWebServer
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Lantern:SeedPopulation", "34000");
        builder.UseSetting("Lantern:SeedFrom", "2015-04-01");
        builder.UseSetting("Lantern:SeedTo", "2026-03-31");
    }
}

/// <summary>What the access check and the audit write add to a child's record page. Explicit, and
/// it asserts nothing: run it with bench/access.sh, which prints the figures for docs/benchmarks.md.
/// "With" is the whole page over HTTP on loopback; the added part is the access decision plus the
/// audit append, timed on their own in the server's process against the same database; "without"
/// is the page minus that part.</summary>
public sealed class AccessOverheadBenchmark
{
    [Fact(Explicit = true)]
    public async Task Access_check_and_audit_write_on_the_record_page()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new FullDemoServer();
        var seeding = Stopwatch.StartNew();
        await server.InitializeAsync();
        var report = new List<string> { $"seeded the default profile in {seeding.Elapsed.TotalSeconds:N0} s" };

        long[] ids;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            ids = await db.Children.AsNoTracking().Where(c => !c.IsRestricted).OrderBy(c => c.Id).Select(c => c.Id).Take(400).ToArrayAsync(ct);
            report.Add($"{await db.Children.CountAsync(ct):N0} children, {await db.AuditEntries.CountAsync(ct):N0} audit entries before the run");
        }

        foreach (var role in new[] { StaffRole.Director, StaffRole.SocialWorker })
        {
            using var session = await Session.SignInAsync(server.RootUri, role);

            // With: the whole page, over HTTP.
            for (var i = 0; i < 100; i++)
            {
                await session.GetAsync($"/children/{ids[i % ids.Length]}");
            }

            var page = new List<double>();
            for (var i = 0; i < 1000; i++)
            {
                var t = Stopwatch.GetTimestamp();
                var (response, _) = await session.GetAsync($"/children/{ids[i % ids.Length]}");
                page.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                response.Dispose();
            }

            // The added part on its own: decide, then append the audit entry, as the page does.
            var added = new List<double>();
            await using (var scope = server.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<LanternUser>>();
                var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<LanternUser>>();
                var account = await users.FindByNameAsync(DemoAccess.UserName(role)) ?? throw new InvalidOperationException("no demo account");
                var principal = await factory.CreateAsync(account);
                for (var i = 0; i < 1100; i++)
                {
                    await using var request = server.Services.CreateAsyncScope();
                    var http = request.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
                    http.HttpContext = new DefaultHttpContext { User = principal, RequestServices = request.ServiceProvider };
                    var access = request.ServiceProvider.GetRequiredService<ChildAccessService>();
                    var audit = request.ServiceProvider.GetRequiredService<AuditWriter>();
                    var id = ids[i % ids.Length];
                    var t = Stopwatch.GetTimestamp();
                    var decision = await access.DecideAsync(principal, id, ct);
                    await audit.WriteAsync(decision?.Level == ChildAccessLevel.Full ? AuditAction.ReadRecord : AuditAction.KnownOnlyView, true, id, decision?.Basis, cancellationToken: ct);
                    if (i >= 100)
                    {
                        added.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    }
                }
            }

            report.Add($"{role}: page (with) p50 {P(page, 50):N2} ms, p95 {P(page, 95):N2} ms; access check + audit write p50 {P(added, 50):N2} ms, p95 {P(added, 95):N2} ms; page without them p95 about {P(page, 95) - P(added, 95):N2} ms");
        }

        var output = Environment.GetEnvironmentVariable("LANTERN_BENCH_OUT") ?? Path.Combine(Path.GetTempPath(), "lantern-access-bench.txt");
        await File.WriteAllLinesAsync(output, report, ct);
        TestContext.Current.SendDiagnosticMessage(string.Join(Environment.NewLine, report));
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
