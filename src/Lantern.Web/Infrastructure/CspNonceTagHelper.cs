using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lantern.Web.Infrastructure;

/// <summary>Puts the response's Content-Security-Policy nonce (<see cref="SecurityHeaders.Nonce"/>)
/// on every <c>script</c> and <c>style</c> element in every view, so nothing has to remember to.</summary>
[HtmlTargetElement("script")]
[HtmlTargetElement("style")]
public sealed class CspNonceTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After the built-in script tag helper (which may rewrite src).
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.Attributes.ContainsName("nonce"))
        {
            output.Attributes.SetAttribute("nonce", SecurityHeaders.Nonce(ViewContext.HttpContext));
        }
    }
}
