using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
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
        var reExecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        // A direct visit to /error/N (a crawler, a probe) is a 404 whatever N is: only a re-executed request keeps
        // the status it failed with (a visit to /error/542 answered 542, and /error/500 a server error).
        if (reExecute is null && exception is null)
        {
            status = StatusCodes.Status404NotFound;
        }

        var originalPath = reExecute?.OriginalPath ?? exception?.Path;
        var language = PathLanguageCultureProvider.LanguageOfPath(originalPath) ?? Languages.English;
        var text = LocalizerFor(language);
        if (status == StatusCodes.Status500InternalServerError
            && exception?.Error is { } error
            && StorageFailure.Describe(error) is { } cause)
        {
            // A write the storage refused (disk full, read-only) outside the desk form (e.g. sign-in): nothing was
            // stored, nothing is damaged, and it will work again; say so instead of "server error" (Data/DURABILITY.md).
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "60";
            return View(new StatusPageViewModel
            {
                Language = language,
                Title = text["Server error"],
                StatusCode = Response.StatusCode,
                Heading = text["Server error"],
                Message = $"The archive cannot store anything just now: {cause}. Nothing was changed, and reading goes on. Try again in a minute.",
            });
        }

        var (heading, message) = status switch
        {
            404 => (text["Page not found"], text["Page not found text"]),
            429 => (text["Too many requests"], text["Too many requests text"]),
            410 => (text["Piece withdrawn"], text["Piece withdrawn text"]),
            >= 400 and < 500 => (text["Bad request"], text["Bad request text"]),
            _ => (text["Server error"], text["Server error text"]),
        };

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
