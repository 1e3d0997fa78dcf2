using System.Net;
using System.Text;

namespace EditorialArchive.Web.Reading;

/// <summary>
/// Marks where a query's words occur in plain text and cuts a snippet around the first of them, as HTML:
/// the text is escaped here and only the &lt;mark&gt; elements are markup. Highlighting mirrors matching:
/// Hangul terms anywhere inside a word, other terms at the start of a word (prefix or shared stem).
/// </summary>
public static class SearchHighlighter
{
    private const int SnippetLength = 220;
    private const int LeadIn = 60;

    /// <summary>The whole text, escaped, with every hit marked.</summary>
    public static string Highlight(string text, SearchQuery query) => ToHtml(text, FindHits(text, query));

    /// <summary>About <see cref="SnippetLength"/> characters around the first hit (or the opening), with hits marked.</summary>
    public static string Snippet(string text, SearchQuery query)
    {
        text = text.ReplaceLineEndings(" ");
        return Snippet(text, FindHits(text, query), whole: true);
    }

    // text: one line; hits: its hits; whole: false when text is only the opening of a longer text (so it ends with an ellipsis).
    private static string Snippet(string text, List<Hit> hits, bool whole)
    {
        var start = 0;
        if (hits.Count > 0 && hits[0].Start > LeadIn)
        {
            // Start at a word boundary a little before the first hit, so the reader sees its context.
            start = text.LastIndexOf(' ', hits[0].Start - LeadIn) + 1;
        }

        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end);
            end = space > start ? space : end;
        }

        var window = text[start..end];
        var html = ToHtml(window, [.. hits.Where(h => h.Start >= start && h.Start + h.Length <= end).Select(h => h with { Start = h.Start - start })]);
        return (start > 0 ? "… " : "") + html + (end < text.Length || !whole ? " …" : "");
    }

    /// <summary>
    /// <see cref="Snippet(string, SearchQuery)"/> of a Markdown body. Only the Markdown through a paragraph break a little past the first hit
    /// is made plain text: a whole body costs Markdig ~0.15 ms, and twenty of them were a fifth of a search page. The
    /// snippet is the same, since it ends long before the cut; when the Markdown's first hit is not in its text (a
    /// word inside a link address), the whole body is used.
    /// </summary>
    public static string SnippetOfMarkdown(string markdown, SearchQuery query)
    {
        var hits = FindHits(markdown, query);
        if (hits.Count > 0)
        {
            var cut = markdown.IndexOf("\n\n", Math.Min(markdown.Length, hits[0].Start + MarkdownReach), StringComparison.Ordinal);
            if (cut > 0)
            {
                var opening = SearchText.PlainTextOfMarkdown(markdown[..cut]).ReplaceLineEndings(" ");
                var openingHits = FindHits(opening, query);
                if (openingHits.Count > 0)
                {
                    return Snippet(opening, openingHits, whole: false);
                }
            }
        }

        return Snippet(SearchText.PlainTextOfMarkdown(markdown), query);
    }

    /// <summary>How far past the Markdown's first hit the cut may fall: far past the snippet's end, markup included.</summary>
    private const int MarkdownReach = 1_000;

    private readonly record struct Hit(int Start, int Length);

    private static List<Hit> FindHits(string text, SearchQuery query)
    {
        var hits = new List<Hit>();
        foreach (var term in query.Terms)
        {
            var needle = term.Kind == SearchTermKind.Hangul ? term.Text : Stem(term.Text);
            var from = 0;
            while (from < text.Length)
            {
                var at = text.IndexOf(needle, from, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                var wordStart = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
                if (term.Kind == SearchTermKind.Hangul)
                {
                    hits.Add(new Hit(at, needle.Length));
                }
                else if (wordStart)
                {
                    // Mark the whole word: "korea" marks "Korean", "economy" marks "economies".
                    var end = at + needle.Length;
                    while (end < text.Length && char.IsLetterOrDigit(text[end]))
                    {
                        end++;
                    }

                    var exactOnly = term.Text.Length < SearchQuery.SearchTerm.MinPrefixLength && !HangulBigrams.IsSyllable(term.Text[0]);
                    if (!exactOnly || end - at == needle.Length)
                    {
                        hits.Add(new Hit(at, end - at));
                    }
                }

                from = at + needle.Length;
            }
        }

        // Overlapping hits (two terms in one word) become one.
        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<Hit>();
        foreach (var hit in hits)
        {
            if (merged.Count > 0 && hit.Start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = last with { Length = Math.Max(last.Start + last.Length, hit.Start + hit.Length) - last.Start };
            }
            else
            {
                merged.Add(hit);
            }
        }

        return merged;
    }

    /// <summary>A rough English stem, enough to find the words Porter stemming matched (economy, economies).</summary>
    private static string Stem(string word)
    {
        foreach (var suffix in (string[])["ies", "es", "ing", "ed", "s", "y", "e"])
        {
            if (word.Length - suffix.Length >= SearchQuery.SearchTerm.MinPrefixLength && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    private static string ToHtml(string text, IReadOnlyList<Hit> hits)
    {
        var builder = new StringBuilder(text.Length + (hits.Count * 13));
        var position = 0;
        foreach (var hit in hits)
        {
            builder.Append(WebUtility.HtmlEncode(text[position..hit.Start]))
                .Append("<mark>")
                .Append(WebUtility.HtmlEncode(text.Substring(hit.Start, hit.Length)))
                .Append("</mark>");
            position = hit.Start + hit.Length;
        }

        return builder.Append(WebUtility.HtmlEncode(text[position..])).ToString();
    }
}
