using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages;

/// <summary>
/// Error statuses other than 404 (which has NotFound.cshtml) that arrive without a body, re-executed
/// here by status code pages. The response keeps its original status code.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "Sorry, there is a problem with the service";

    public string Advice { get; private set; } = "Try again later.";

    public void OnGet() => Handle(RouteStatusCode());

    public void OnPost() => Handle(RouteStatusCode());

    // Read from the route, not model-bound: a re-executed post may carry a form too large or too
    // malformed to read, and binding would then fail.
    private int RouteStatusCode() =>
        int.TryParse(RouteData.Values["statusCode"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 0;

    private void Handle(int statusCode)
    {
        // Visiting /status/NNN directly must not produce a success or an odd code.
        var code = statusCode is >= 400 and <= 599 ? statusCode : StatusCodes.Status404NotFound;
        Response.StatusCode = code;
        (Heading, Advice) = code switch
        {
            StatusCodes.Status404NotFound => ("Page not found", "If you typed the web address, check it is correct."),
            StatusCodes.Status401Unauthorized => ("Sign in to use Lantern", "You need to sign in to see this page."),
            StatusCodes.Status403Forbidden => ("You do not have permission to see this page", "If you think you should have access, ask your manager or the service desk."),
            StatusCodes.Status405MethodNotAllowed or StatusCodes.Status400BadRequest => ("Sorry, there is a problem with the request", "Go back and try again."),
            StatusCodes.Status413PayloadTooLarge => ("Sorry, there is a problem with the request", "What you sent was too large. Go back and try again with less."),
            StatusCodes.Status429TooManyRequests => ("Too many attempts", "You have tried to sign in too many times. Wait a minute and try again."),
            _ => ("Sorry, there is a problem with the service", "Try again later."),
        };
    }
}
