using System.Security.Claims;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lantern.Web.Tests;

/// <summary>Council sign-in (OpenID Connect) is wired up only when configured, signs in to the
/// external cookie only, and lets someone in only with a matching claim and (by default) a second
/// factor confirmed by the identity provider. No identity provider is contacted.</summary>
public sealed class SignInOidcTests
{
    private const string Authority = "https://login.council.example/tenant/v2.0";

    [Fact]
    public async Task Without_configuration_there_is_no_council_sign_in_scheme()
    {
        await using var services = Build();

        Assert.Null(await services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(LanternOidcOptions.Scheme));
    }

    [Fact]
    public async Task An_authority_without_a_client_id_is_not_enough()
    {
        await using var services = Build(("Lantern:Oidc:Authority", Authority));

        Assert.Null(await services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(LanternOidcOptions.Scheme));
    }

    [Fact]
    public async Task With_an_authority_and_client_id_the_scheme_signs_in_to_the_external_cookie_with_the_code_flow()
    {
        await using var services = Build(("Lantern:Oidc:Authority", Authority), ("Lantern:Oidc:ClientId", "lantern"), ("Lantern:Oidc:ClientSecret", "s3cret"));

        var scheme = await services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(LanternOidcOptions.Scheme);
        Assert.NotNull(scheme);
        Assert.Equal(typeof(OpenIdConnectHandler), scheme.HandlerType);
        var options = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(LanternOidcOptions.Scheme);
        Assert.Equal(Authority, options.Authority);
        Assert.Equal("lantern", options.ClientId);
        Assert.Equal("s3cret", options.ClientSecret);
        Assert.Equal(IdentityConstants.ExternalScheme, options.SignInScheme);
        Assert.Equal("code", options.ResponseType);
        Assert.True(options.UsePkce);
        Assert.False(options.SaveTokens);
        Assert.False(options.MapInboundClaims);
        Assert.Equal("/signin-oidc", options.CallbackPath);
        Assert.Contains("email", options.Scope);

        // The local sign-in is still the default.
        Assert.Equal(IdentityConstants.ApplicationScheme, (await services.GetRequiredService<IAuthenticationSchemeProvider>().GetDefaultAuthenticateSchemeAsync())?.Name);
    }

    [Fact]
    public void By_default_the_email_claim_is_matched_and_a_second_factor_is_required()
    {
        var options = new LanternOidcOptions();

        Assert.Equal("email", options.MatchClaim);
        Assert.True(options.RequireMfa);
        Assert.False(options.MatchesUserName);
        Assert.False(options.Evaluate(Principal(("email", "jo@council.example"))).Accepted);
        Assert.False(options.Evaluate(Principal(("email", "jo@council.example"), ("amr", "pwd"))).Accepted);
        var accepted = options.Evaluate(Principal(("email", "jo@council.example"), ("amr", "pwd"), ("amr", "mfa")));
        Assert.True(accepted.Accepted);
        Assert.Equal("jo@council.example", accepted.LookupValue);
    }

    [Fact]
    public void Without_the_match_claim_nobody_is_signed_in()
    {
        var result = new LanternOidcOptions().Evaluate(Principal(("amr", "mfa"), ("upn", "jo@council.example")));

        Assert.False(result.Accepted);
        Assert.Null(result.LookupValue);
    }

    [Fact]
    public void The_second_factor_can_be_left_to_the_identity_provider_and_another_claim_matched()
    {
        var options = LanternOidcOptions.From(Config(("Lantern:Oidc:RequireMfa", "false"), ("Lantern:Oidc:MatchClaim", "username")));

        var result = options.Evaluate(Principal(("username", "jo.bloggs")));

        Assert.True(options.MatchesUserName);
        Assert.True(result.Accepted);
        Assert.Equal("jo.bloggs", result.LookupValue);
    }

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static ServiceProvider Build(params (string Key, string Value)[] values)
    {
        var configuration = Config(values);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddLanternSecurity(configuration);
        return services.BuildServiceProvider();
    }
}
