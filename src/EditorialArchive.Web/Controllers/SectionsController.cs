using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Hosting;
using EditorialArchive.Web.Localization;
using EditorialArchive.Web.Reading;
using EditorialArchive.Web.Seo;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EditorialArchive.Web.Controllers;

/// <summary>Lists of one section (editorial, column, op-ed, letters) and of one byline, newest first.</summary>
public sealed class SectionsController(BrowseRepository browse, PieceListing listing, IStringLocalizer<SharedResource> text) : Controller
{
    private const int PageSize = 20;
    private const int MaxBylineLength = 200;

    [HttpGet("/{lang:" + Languages.RouteConstraint + "}/sections/{section}")]
    [ArchiveHttpCaching]
    public async Task<IActionResult> Section(string lang, string section, string? before, string? after, CancellationToken cancellationToken)
    {
        var found = await browse.GetSectionBySlugAsync(section, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        if (!ListCursor.TryReadRequest(before, after, PageSize, out var request))
        {
            return BadRequest();
        }

        var page = await browse.ListSectionPageAsync(lang, found.Id, request, cancellationToken);
        ArchivePageTags.ListsEdition(HttpContext, lang, page.Pieces.Select(p => p.Id));
        return View("~/Views/Reading/Listing.cshtml", new ListingPageViewModel
        {
            Language = lang,
            Title = found.Name(lang),
            Heading = found.Name(lang),
            Kicker = text["Section"],
            List = listing.List(ReadingUrls.Section(lang, found.Slug), page),
        });
    }

    [HttpGet("/{lang:" + Languages.RouteConstraint + "}/bylines/{byline}")]
    [ArchiveHttpCaching]
    public async Task<IActionResult> Byline(string lang, string? byline, string? before, string? after, CancellationToken cancellationToken)
    {
        // Routing leaves an escaped slash escaped: a byline with a "/" ("Desk / Seoul") arrives as "%2F".
        byline = byline?.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

        // A segment of only white space (%20, %E2%80%A8) binds as null.
        if (string.IsNullOrWhiteSpace(byline) || byline.Length > MaxBylineLength)
        {
            return NotFound();
        }

        if (!ListCursor.TryReadRequest(before, after, PageSize, out var request))
        {
            return BadRequest();
        }

        var page = await browse.ListBylinePageAsync(lang, byline, request, cancellationToken);
        ArchivePageTags.ListsEdition(HttpContext, lang, page.Pieces.Select(p => p.Id));
        if (page.Pieces.Count == 0 && request.Before is null && request.After is null)
        {
            return NotFound();
        }

        return View("~/Views/Reading/Listing.cshtml", new ListingPageViewModel
        {
            Language = lang,
            Title = byline,
            Heading = byline,
            Kicker = text["Byline"],
            List = listing.List(ReadingUrls.Byline(lang, byline), page),
        });
    }
}
