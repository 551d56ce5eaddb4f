using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lantern.Web.TagHelpers;

/// <summary>
/// Razor leaves out an attribute whose value is null, except <c>data-*</c> attributes, which it
/// always writes (as <c>data-x=""</c>). GOV.UK components read their configuration from data
/// attributes, so <c>lantern-data-x="@value"</c> writes <c>data-x</c> only when the value is not
/// null, in the same place among the element's attributes.
/// </summary>
[HtmlTargetElement("*", Attributes = Prefix + "*")]
public sealed class OptionalDataAttributesTagHelper : TagHelper
{
    private const string Prefix = "lantern-data-";

    // object, not string: Razor turns a null bound to a string attribute into "", and null must stay null.
    [HtmlAttributeName(DictionaryAttributePrefix = Prefix)]
    public IDictionary<string, object?> Values { get; set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var ordered = new List<TagHelperAttribute>();
        foreach (var attribute in context.AllAttributes)
        {
            if (attribute.Name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                if (Values.TryGetValue(attribute.Name[Prefix.Length..], out var value) && value is not null)
                {
                    ordered.Add(new TagHelperAttribute("data-" + attribute.Name[Prefix.Length..], Convert.ToString(value, CultureInfo.InvariantCulture)));
                }
            }
            else if (output.Attributes.TryGetAttribute(attribute.Name, out var kept))
            {
                ordered.Add(kept);
            }
        }

        // Attributes other tag helpers added (not in the source) keep their place at the end.
        var extra = output.Attributes.Where(a => !ordered.Contains(a)).ToList();
        output.Attributes.Clear();
        foreach (var attribute in ordered.Concat(extra))
        {
            output.Attributes.Add(attribute);
        }
    }
}
