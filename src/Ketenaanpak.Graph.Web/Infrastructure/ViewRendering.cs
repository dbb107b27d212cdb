using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Ketenaanpak.Graph.Web.Infrastructure;

/// <summary>Renders a Razor view of the current controller to a string (for documents made from a page, such as a PDF).</summary>
public static class ViewRendering
{
    public static async Task<string> RenderViewAsync<TModel>(this Controller controller, string viewName, TModel model)
    {
        var engine = controller.HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();
        var found = engine.FindView(controller.ControllerContext, viewName, isMainPage: true);
        if (!found.Success)
            throw new InvalidOperationException($"View {viewName} not found: {string.Join(", ", found.SearchedLocations)}");
        controller.ViewData.Model = model;
        await using var writer = new StringWriter();
        var context = new ViewContext(controller.ControllerContext, found.View, controller.ViewData, controller.TempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
