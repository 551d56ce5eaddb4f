using Lantern.Web;
using Lantern.Web.Data;
using Lantern.Web.Infrastructure;
using Lantern.Web.Security;

var builder = WebApplication.CreateBuilder(args);

// Loopback HTTP by default; ASPNETCORE_URLS, --urls, *_PORTS or Kestrel:Endpoints take precedence.
if (!ListenAddressConfigured(builder.Configuration))
{
    builder.WebHost.UseUrls(DefaultUrl);
}

builder.WebHost.ConfigureKestrel((context, options) =>
{
    options.AddServerHeader = false;
    // Larger bodies get 413 (see Hardening): Lantern:Security:MaxRequestBytes, 1 MB by default.
    var security = new LanternSecurityOptions();
    context.Configuration.GetSection(LanternSecurityOptions.SectionName).Bind(security);
    options.Limits.MaxRequestBodySize = security.MaxRequestBytes;
});

builder.Services.Configure<LanternSiteOptions>(builder.Configuration.GetSection(LanternSiteOptions.SectionName));
builder.Services.AddRazorPages();
builder.Services.AddLanternData();
builder.Services.AddLanternSecurity(builder.Configuration);
builder.Services.AddLanternAccess();

var app = builder.Build();

await app.Services.InitialiseLanternDataAsync();

app.UseLanternSecurityHeaders();

if (!app.Environment.IsDevelopment())
{
    // Error shows the GOV.UK "Sorry, there is a problem with the service" page, never details.
    app.UseExceptionHandler("/Error");
}

// 404 goes to NotFound.cshtml (route /status/404); other codes to Status.cshtml.
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseLanternRequestLimits();
app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticFileCaching.Apply });
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseLanternSessionCookieCheck();
app.UseAuthorization();
app.MapRazorPages();

await app.RunAsync();

public partial class Program
{
    /// <summary>Where Lantern listens when nothing else is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    internal static bool ListenAddressConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
