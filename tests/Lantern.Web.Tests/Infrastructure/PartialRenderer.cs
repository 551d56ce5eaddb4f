using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Infrastructure;

/// <summary>
/// Renders a partial from Lantern.Web's Pages/Shared exactly as a page would (same name lookup:
/// "Govuk/_Tag"), using the running app's services, and returns the HTML.
/// </summary>
public sealed class PartialRenderer(IServiceProvider services)
{
    public async Task<string> RenderAsync<TModel>(string partialName, TModel model)
    {
        await using var scope = services.CreateAsyncScope();
        var httpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var routeData = new RouteData();
        routeData.Values["page"] = "/Index";
        var actionContext = new ActionContext(httpContext, routeData, new PageActionDescriptor { RelativePath = "/Pages/Index.cshtml", ViewEnginePath = "/Index" });

        var viewEngine = scope.ServiceProvider.GetRequiredService<ICompositeViewEngine>();
        var result = viewEngine.FindView(actionContext, partialName, isMainPage: false);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Partial {partialName} not found; searched {string.Join(", ", result.SearchedLocations)}.");
        }

        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var tempData = new TempDataDictionary(httpContext, scope.ServiceProvider.GetRequiredService<ITempDataProvider>());
        var viewContext = new ViewContext(actionContext, result.View, viewData, tempData, writer, new HtmlHelperOptions());
        await result.View.RenderAsync(viewContext);
        return writer.ToString();
    }
}
