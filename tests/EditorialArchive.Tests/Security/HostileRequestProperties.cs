using CsCheck;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Security;

/// <summary>
/// The public pages over hostile URLs, through the real app in process (seeded archive, one host for the class):
/// search queries and filters, archive dates, list cursors and arbitrary route values. Every answer is below 500 and
/// every HTML answer is inert; the host still serves afterwards. Route values and archive dates/cursors get
/// <see cref="Requests"/> requests each; search, whose every request runs full-text queries, gets
/// <see cref="SearchRequests"/> (its parser gets 10,000 inputs against the real FTS table in <see cref="HostileParserProperties"/>).
/// </summary>
public sealed class HostileRequestProperties(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    private const int Requests = 10_000;
    private const int SearchRequests = 2_500;

    private static readonly Gen<string> Value = Gen.Frequency(
        (5, HostileStrings.PercentEncoded),
        (1, Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Const("")));

    private static readonly Gen<string> Language = Gen.Frequency((6, Gen.OneOf("en", "ko")), (1, Value));

    private static async Task GetAsync(HttpClient client, string url, string input)
    {
        using var response = await HostileResponses.GetAsync(client, url);
        if (response is not null)
        {
            await HostileResponses.AssertHarmlessAsync(response, url, input);
        }
    }

    [Fact]
    public async Task Search_queries_and_filters_never_fail_and_render_inert()
    {
        using var client = app.CreateBrowserlessClient();
        var search = Gen.Select(Language, Value, Gen.OneOf("q", "language", "section", "from", "to", "page"), Value,
            (lang, q, filter, filterValue) => $"/{lang}/search?q={q}&{filter}={filterValue}");
        await Check.SampleAsync(search, url => GetAsync(client, url, Uri.UnescapeDataString(url)), iter: SearchRequests, print: HostileStrings.Show);
        await HostileResponses.AssertStillServingAsync(client);
    }

    [Fact]
    public async Task Archive_dates_and_list_cursors_never_fail_and_render_inert()
    {
        using var client = app.CreateBrowserlessClient();
        var number = Gen.Frequency(
            (3, Gen.Int[-5, 10_000].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            (1, Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            (1, Value));
        var cursor = Gen.Frequency(
            (2, Value),
            (2, Gen.Select(Gen.DateTimeOffset, Gen.Long, (at, id) => $"{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}_{id}")));
        var list = Gen.OneOf(
            Gen.Select(Language, number, number, (lang, year, month) => $"/{lang}/archive/{year}/{month}"),
            Gen.Select(Language, number, (lang, year) => $"/{lang}/archive/{year}"),
            Gen.Select(Language, Gen.OneOf("before", "after"), cursor, (lang, side, at) => $"/{lang}/?{side}={at}"),
            Gen.Select(Language, Gen.OneOf("editorial", "column"), cursor, cursor, (lang, section, before, after) => $"/{lang}/sections/{section}?before={before}&after={after}"),
            Gen.Select(Language, Gen.Int[2023, 2026], Gen.Int[1, 12], cursor, (lang, year, month, at) => $"/{lang}/archive/{year}/{month}?before={at}"));
        await Check.SampleAsync(list, url => GetAsync(client, url, Uri.UnescapeDataString(url)), iter: Requests, print: HostileStrings.Show);
        await HostileResponses.AssertStillServingAsync(client);
    }

    [Fact]
    public async Task Arbitrary_route_values_never_fail_and_render_inert()
    {
        using var client = app.CreateBrowserlessClient();
        var route = Gen.OneOf(
            Gen.Select(Language, Value, Value, (lang, id, slug) => $"/{lang}/articles/{id}/{slug}"),
            Gen.Select(Language, Gen.Long[-2, 50], Value, (lang, id, slug) => $"/{lang}/articles/{id}/{slug}"),
            Gen.Select(Language, Value, (lang, section) => $"/{lang}/sections/{section}"),
            Gen.Select(Language, Value, (lang, byline) => $"/{lang}/bylines/{byline}"),
            Gen.Select(Language, Value, Gen.OneOf("rss.xml", "atom.xml"), (lang, section, feed) => $"/{lang}/sections/{section}/{feed}"),
            Gen.Select(Value, (number) => $"/sitemaps/articles-{number}.xml"),
            Gen.Select(Value, (status) => $"/error/{status}"),
            Gen.Select(Value, Value, (a, b) => $"/{a}/{b}"),
            Gen.Select(Value, Value, (a, b) => $"/{a}?{b}={a}"));
        await Check.SampleAsync(route, url => GetAsync(client, url, Uri.UnescapeDataString(url)), iter: Requests, print: HostileStrings.Show);
        await HostileResponses.AssertStillServingAsync(client);
    }
}
