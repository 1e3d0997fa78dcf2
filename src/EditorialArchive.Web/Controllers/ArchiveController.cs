using System.Globalization;
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

/// <summary>The archive by date: years with their counts, the months of a year, the pieces of a month.</summary>
[Route("/{lang:" + Languages.RouteConstraint + "}/archive")]
public sealed class ArchiveController(
    ArchiveCountsRepository counts, BrowseRepository browse, ArchiveCalendar calendar, PieceListing listing, IStringLocalizer<SharedResource> text) : Controller
{
    private const int PageSize = 20;

    [HttpGet("")]
    [ArchiveHttpCaching]
    public async Task<IActionResult> Index(string lang, CancellationToken cancellationToken)
    {
        var months = await counts.ListMonthCountsAsync(lang, ArchiveCalendar.FirstYear, ArchiveCalendar.LastYear, cancellationToken);
        ArchivePageTags.ListsEdition(HttpContext, lang);
        return View(new ArchiveOverviewViewModel
        {
            Language = lang,
            Title = text["Archive"],
            Years = [.. months.GroupBy(m => m.Year).Select(g => ToYear(lang, g.Key, g))],
        });
    }

    [HttpGet("{year:int}")]
    [ArchiveHttpCaching]
    public async Task<IActionResult> Year(string lang, int year, CancellationToken cancellationToken)
    {
        if (!ArchiveCalendar.IsValidYear(year))
        {
            return NotFound();
        }

        // All counts, a few hundred rows at most: this year's months and the neighbouring years with pieces.
        var all = await counts.ListMonthCountsAsync(lang, ArchiveCalendar.FirstYear, ArchiveCalendar.LastYear, cancellationToken);
        ArchivePageTags.ListsEdition(HttpContext, lang);
        var inYear = all.Where(m => m.Year == year).ToList();
        if (inYear.Count == 0)
        {
            return NotFound();
        }

        var earlier = all.Where(m => m.Year < year).Select(m => (int?)m.Year).Max();
        var later = all.Where(m => m.Year > year).Select(m => (int?)m.Year).Min();
        return View(new ArchiveYearViewModel
        {
            Language = lang,
            Title = text["Archive {0}", year.ToString(CultureInfo.InvariantCulture)],
            Year = ToYear(lang, year, inYear),
            EarlierYear = earlier is { } e ? new NavLink(ReadingUrls.Year(lang, e), e.ToString(CultureInfo.InvariantCulture)) : null,
            LaterYear = later is { } l ? new NavLink(ReadingUrls.Year(lang, l), l.ToString(CultureInfo.InvariantCulture)) : null,
        });
    }

    [HttpGet("{year:int}/{month:int}")]
    [ArchiveHttpCaching]
    public async Task<IActionResult> Month(string lang, int year, int month, string? before, string? after, CancellationToken cancellationToken)
    {
        if (!ArchiveCalendar.IsValidYear(year) || month is < 1 or > 12)
        {
            return NotFound();
        }

        if (!ListCursor.TryReadRequest(before, after, PageSize, out var request))
        {
            return BadRequest();
        }

        var (from, until) = calendar.Month(year, month);
        var page = await browse.ListPeriodPageAsync(lang, from, until, request, cancellationToken);
        ArchivePageTags.ListsEdition(HttpContext, lang, page.Pieces.Select(p => p.Id));
        if (page.Pieces.Count == 0 && request.Before is null && request.After is null)
        {
            return NotFound();
        }

        var heading = MonthHeading(lang, year, month);
        return View("~/Views/Reading/Listing.cshtml", new ListingPageViewModel
        {
            Language = lang,
            Title = heading,
            Heading = heading,
            Kicker = text["Archive"],
            List = listing.List(ReadingUrls.Month(lang, year, month), page),
            Up = new NavLink(ReadingUrls.Year(lang, year), year.ToString(CultureInfo.InvariantCulture)),
        });
    }

    private string MonthHeading(string lang, int year, int month) =>
        text["{0} {1}", MonthName(lang, month), year.ToString(CultureInfo.InvariantCulture)];

    private static string MonthName(string lang, int month) =>
        CultureInfo.GetCultureInfo(lang).DateTimeFormat.GetMonthName(month);

    /// <summary>All twelve months of a year, those without pieces unlinked, so thin and thick stretches show.</summary>
    private static ArchiveYear ToYear(string lang, int year, IEnumerable<MonthCount> months)
    {
        var byMonth = months.ToDictionary(m => m.Month, m => m.Count);
        return new ArchiveYear(
            year,
            byMonth.Values.Sum(),
            ReadingUrls.Year(lang, year),
            [.. Enumerable.Range(1, 12).Select(m => byMonth.TryGetValue(m, out var count)
                ? new ArchiveMonth(m, MonthName(lang, m), count, ReadingUrls.Month(lang, year, m))
                : new ArchiveMonth(m, MonthName(lang, m), 0, null))]);
    }
}
