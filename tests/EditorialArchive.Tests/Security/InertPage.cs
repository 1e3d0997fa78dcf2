using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Dom;

namespace EditorialArchive.Tests.Security;

/// <summary>
/// Checks that hostile input shown on a page stayed text: no script but the app's JSON-LD (valid JSON, no
/// <c>&lt;/script</c>), no event-handler attribute, no javascript:/vbscript:/data: address, none of the marker
/// elements and attributes of <see cref="HostileStrings"/>. The app's own pages use no on* attribute and no data: URL.
/// </summary>
public static class InertPage
{
    private static readonly string[] AddressAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "srcset"];

    /// <summary>The problems found in <paramref name="document"/>; empty when it is inert.</summary>
    public static List<string> Problems(IDocument document)
    {
        var problems = new List<string>();
        foreach (var script in document.QuerySelectorAll("script"))
        {
            if (script.GetAttribute("type") != "application/ld+json" || script.HasAttribute("src"))
            {
                problems.Add($"a script element: {Outer(script)}");
                continue;
            }

            var text = script.TextContent;
            if (text.Contains("</script", StringComparison.OrdinalIgnoreCase) || text.Contains("<!--", StringComparison.Ordinal))
            {
                problems.Add($"JSON-LD that can close its script element: {Outer(script)}");
            }

            try
            {
                using var json = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                problems.Add($"JSON-LD that is not JSON ({e.Message}): {Outer(script)}");
            }
        }

        foreach (var element in document.All)
        {
            if (IsInjectable(element))
            {
                problems.Add($"an injected element: {Outer(element)}");
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"an event-handler attribute: {Outer(element)}");
                }
                else if (AddressAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase) && IsScriptAddress(attribute.Value))
                {
                    problems.Add($"a script or data address: {Outer(element)}");
                }
            }
        }

        return problems;
    }

    /// <summary>Fails with every problem of the page at <paramref name="url"/>.</summary>
    public static void Assert(IDocument document, string url, string input)
    {
        var problems = Problems(document);
        Xunit.Assert.True(problems.Count == 0, $"{url} for input \"{HostileStrings.Show(input)}\" is not inert:\n{string.Join('\n', problems.Take(5))}");
    }

    /// <summary>Feeds and sitemaps: well-formed XML (the parse throws otherwise) and no markup element from the input.</summary>
    public static void AssertXml(string xml, string url)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException e)
        {
            throw new Xunit.Sdk.XunitException($"{url} is not well-formed XML: {e.Message}");
        }

        var injected = document.Descendants().Where(e => e.Name.LocalName is HostileStrings.Marker or "script").ToList();
        Xunit.Assert.True(injected.Count == 0, $"{url} carries markup from the input: {string.Join(", ", injected.Take(3))}");
    }

    /// <summary>
    /// Elements the app's pages never hold (their forms live outside rendered text; a meta http-equiv could refresh
    /// to a script address), so input must have made them.
    /// </summary>
    private static bool IsInjectable(IElement element) =>
        element.LocalName is HostileStrings.Marker or "iframe" or "object" or "embed" or "svg" or "math" or "base" or "style"
        || (element.LocalName == "meta" && element.HasAttribute("http-equiv"))
        || (element.LocalName == "form" && element.Closest(".piece-body") is not null);

    private static bool IsScriptAddress(string value)
    {
        // Browsers drop tabs, new lines and leading spaces and ignore case before reading a scheme.
        var compact = new string([.. value.Where(ch => !char.IsWhiteSpace(ch) && !char.IsControl(ch))]).ToLowerInvariant();
        return compact.StartsWith("javascript:", StringComparison.Ordinal)
            || compact.StartsWith("vbscript:", StringComparison.Ordinal)
            || compact.StartsWith("data:", StringComparison.Ordinal);
    }

    private static string Outer(IElement element)
    {
        var html = element.OuterHtml;
        return HostileStrings.Show(html.Length > 200 ? html[..200] : html);
    }
}
