using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Lantern.Data;
using Lantern.Domain.Access;
using OtpNet;

namespace Lantern.Web.Tests.Infrastructure;

/// <summary>Signs in through the real pages (password, then a one-time code computed from the
/// account's authenticator key) and keeps the cookies. Lantern refuses a one-time code used before,
/// so each account's codes are handed out one 30-second step at a time, waiting when needed.</summary>
public sealed partial class Session : IDisposable
{
    private static readonly ConcurrentDictionary<string, long> LastStep = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim CodeLock = new(1, 1);

    private Session(HttpClient client, CookieContainer cookies)
    {
        Client = client;
        Cookies = cookies;
    }

    /// <summary>A client with this session's cookies that does not follow redirects.</summary>
    public HttpClient Client { get; }

    public CookieContainer Cookies { get; }

    /// <summary>A client with no session (and its own cookie jar).</summary>
    public static Session Anonymous(Uri root)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = root };
        return new Session(client, cookies);
    }

    /// <summary>Signs in as the demo account of <paramref name="role"/>.</summary>
    public static Task<Session> SignInAsync(Uri root, StaffRole role) => SignInAsync(root, DemoAccess.UserName(role));

    /// <summary>Signs in with a user name, password and authenticator key; fails the test if any step is refused.</summary>
    public static async Task<Session> SignInAsync(Uri root, string userName, string password = DemoAccess.Password, string authenticatorKey = DemoAccess.AuthenticatorKey)
    {
        var session = Anonymous(root);
        var (response, _) = await session.PostFormAsync("/account/sign-in", new() { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/account/code", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"Sign-in as {userName} was refused at the password step ({(int)response.StatusCode} {response.Headers.Location}).");
        }

        var code = await NextCodeAsync(userName, authenticatorKey);
        (response, _) = await session.PostFormAsync("/account/code", new() { ["Code"] = code });
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Sign-in as {userName} was refused at the code step ({(int)response.StatusCode} {response.Headers.Location}).");
        }

        return session;
    }

    /// <summary>A code for the account that has not been used yet: the current step, or the next
    /// (Lantern accepts one step of drift), waiting for time to pass when both are used.</summary>
    public static async Task<string> NextCodeAsync(string userName, string authenticatorKey)
    {
        await CodeLock.WaitAsync();
        try
        {
            while (true)
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
                var step = Math.Max(now, LastStep.GetValueOrDefault(userName, long.MinValue) + 1);
                if (step <= now + 1)
                {
                    LastStep[userName] = step;
                    return new Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
                }

                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        finally
        {
            CodeLock.Release();
        }
    }

    /// <summary>GETs <paramref name="path"/> and returns the response and its body.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>GETs the form page at <paramref name="path"/> for its anti-forgery token, then posts
    /// <paramref name="fields"/> to <paramref name="postPath"/> (the same page by default).</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(string path, Dictionary<string, string> fields, string? postPath = null)
    {
        var (_, form) = await GetAsync(path);
        var token = TokenPattern().Match(form);
        var content = new Dictionary<string, string>(fields);
        if (token.Success && !content.ContainsKey("__RequestVerificationToken"))
        {
            content["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        using var body = new FormUrlEncodedContent(content);
        var response = await Client.PostAsync(new Uri(postPath ?? path, UriKind.Relative), body, TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
