using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Infrastructure;

/// <summary>
/// Lantern.Web running on real Kestrel at a free 127.0.0.1 port, for browser tests and HTTP tests
/// that should see exactly what a browser sees. Shared by the whole test assembly (see
/// AssemblyFixtures.cs); subclass and override <see cref="ConfigureWebHost"/> for a different setup.
/// </summary>
public class LanternWebServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public LanternWebServer()
    {
        UseKestrel(0);
    }

    /// <summary>Root of the running site, for example http://127.0.0.1:41234/.</summary>
    public Uri RootUri { get; private set; } = null!;

    /// <summary>An HTTP client for the running server that does not follow redirects.</summary>
    public HttpClient CreateHttpClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = RootUri };

    public ValueTask InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.Single();
        RootUri = new Uri(address.EndsWith('/') ? address : address + "/");
        if (!RootUri.IsLoopback)
        {
            throw new InvalidOperationException($"The test server must listen on loopback only, not {RootUri}.");
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Population of the small synthetic authority seeded for tests.</summary>
    public const int SeedPopulation = 3000;

    private readonly TempFolder _databaseFolder = new();

    /// <summary>The temporary SQLite file the server was seeded into.</summary>
    public string DatabasePath => Path.Combine(_databaseFolder.Path, "lantern.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // What users get: the exception handler and GOV.UK error pages, not the developer page.
        builder.UseEnvironment("Production");

        // A small synthetic authority in a temporary SQLite file, seeded on startup.
        builder.UseSetting("Lantern:Database", DatabasePath);
        builder.UseSetting("Lantern:SeedOnStartup", "true");
        builder.UseSetting("Lantern:SeedPopulation", SeedPopulation.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Lantern:SeedFrom", "2024-04-01");
        builder.UseSetting("Lantern:SeedTo", "2026-03-31");

        // Every test signs in from 127.0.0.1: the sign-in rate limit (10 a minute per address by
        // default) is tested on a server of its own (HardeningTests).
        builder.UseSetting("Lantern:Security:SignInPerMinute", "100000");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _databaseFolder.Dispose();
        GC.SuppressFinalize(this);
    }
}
