using Lantern.Web;
using Lantern.Web.Data;
using Lantern.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

// Loopback HTTP by default; ASPNETCORE_URLS, --urls, *_PORTS or Kestrel:Endpoints take precedence.
if (!ListenAddressConfigured(builder.Configuration))
{
    builder.WebHost.UseUrls(DefaultUrl);
}

builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);

builder.Services.Configure<LanternSiteOptions>(builder.Configuration.GetSection(LanternSiteOptions.SectionName));
builder.Services.AddRazorPages();
builder.Services.AddLanternData();

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
app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticFileCaching.Apply });
app.UseRouting();
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
