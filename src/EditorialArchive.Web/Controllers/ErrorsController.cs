using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Localization;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EditorialArchive.Web.Controllers;

/// <summary>Renders error statuses as pages in the language of the address that failed.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController(IStringLocalizerFactory localizers) : Controller
{
    [Route("/error/{status:int}")]
    public IActionResult Status(int status)
    {
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var language = PathLanguageCultureProvider.LanguageOfPath(originalPath) ?? Languages.English;
        var text = LocalizerFor(language);

        var (heading, message) = status switch
        {
            404 => (text["Page not found"], text["Page not found text"]),
            429 => (text["Too many requests"], text["Too many requests text"]),
            410 => (text["Piece withdrawn"], text["Piece withdrawn text"]),
            >= 400 and < 500 => (text["Bad request"], text["Bad request text"]),
            _ => (text["Server error"], text["Server error text"]),
        };

        // A direct visit to /error/404 is itself a 404; re-executed requests keep their original status.
        Response.StatusCode = status is >= 400 and < 600 ? status : 404;
        return View(new StatusPageViewModel
        {
            Language = language,
            Title = heading,
            StatusCode = Response.StatusCode,
            Heading = heading,
            Message = message,
        });
    }

    private IStringLocalizer LocalizerFor(string language)
    {
        // Error pages are re-executed under /error/…, so set the culture from the original address.
        var culture = new System.Globalization.CultureInfo(language);
        System.Globalization.CultureInfo.CurrentCulture = culture;
        System.Globalization.CultureInfo.CurrentUICulture = culture;
        HttpContext.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(culture), null));
        return localizers.Create(typeof(SharedResource));
    }
}
