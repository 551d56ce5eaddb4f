using System.Net;
using Lantern.Web.Infrastructure;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests;

public sealed class ErrorPageTests
{
    private const string SecretDetail = "secret-detail-of-child-1234";

    [Fact]
    public async Task Unhandled_exception_shows_the_GOVUK_problem_page_with_500_and_no_details()
    {
        using var databaseFolder = new TempFolder();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Lantern:Database", Path.Combine(databaseFolder.Path, "lantern.db"));
            builder.UseSetting("Lantern:SeedOnStartup", "false");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>());
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/test/throw", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Sorry, there is a problem with the service</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretDetail, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ErrorPageTests", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control must be no-store");
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp));
        var policy = Assert.Single(csp);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy(SecurityHeaders.NonceOf(policy) ?? ""), policy);
    }

    /// <summary>Makes /test/throw an endpoint that anyone may use (as a public page is, so that no
    /// sign-in is needed to reach it) and that throws. The endpoint is chosen before the app's own
    /// pipeline (routing keeps an endpoint already chosen) but runs at its end, inside the app's
    /// exception handler.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        private static readonly Endpoint Throwing = new(
            _ => throw new InvalidOperationException(SecretDetail),
            new EndpointMetadataCollection(new AllowAnonymousAttribute()),
            "Throws for the test");

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Path == "/test/throw")
                {
                    context.SetEndpoint(Throwing);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
