using AngleSharp;
using AngleSharp.Dom;

namespace EditorialArchive.Tests.Infrastructure;

/// <summary>Parses pages with a real HTML5 parser, so tests look at elements rather than substrings.</summary>
public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Context.OpenAsync(request => request.Content(html));
    }

    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    /// <summary>Text with runs of white space folded, as a reader sees it.</summary>
    public static string Text(this IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static IElement Single(this IDocument document, string selector)
    {
        var matches = document.QuerySelectorAll(selector);
        Assert.True(matches.Length == 1, $"expected one element matching '{selector}', found {matches.Length}");
        return matches[0];
    }
}
