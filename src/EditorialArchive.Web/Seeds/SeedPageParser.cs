using EditorialArchive.Web.Articles;

namespace EditorialArchive.Web.Seeds;

/// <summary>
/// Reads the text of an edition's article page: the skip link, the headline (printed twice),
/// "Posted …," and "Updated …" (or 입력/수정 on Korean pages), the other-language marker, then the paragraphs.
/// Non-breaking spaces and trailing commas around the dates are page decoration and are dropped.
/// </summary>
public sealed class SeedPageParser(ArchiveTime time)
{
    private static readonly Dictionary<string, string> SkipLinks = new(StringComparer.Ordinal)
    {
        ["Go to contents"] = Languages.English,
        ["본문 바로가기"] = Languages.Korean,
    };

    private static readonly Dictionary<string, (string Posted, string Updated)> DateLabels = new(StringComparer.Ordinal)
    {
        [Languages.English] = ("Posted", "Updated"),
        [Languages.Korean] = ("입력", "수정"),
    };

    public SeedPage Parse(string text, string sourceName)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select((line, index) => (Text: Clean(line), Number: index + 1))
            .Where(line => line.Text.Length > 0)
            .ToList();
        var position = 0;

        (string Text, int Number) Next(string expected) =>
            position < lines.Count ? lines[position++] : throw Error($"the page ends where {expected} should be", lines.Count == 0 ? 1 : lines[^1].Number);

        SeedFormatException Error(string problem, int lineNumber) =>
            new($"{sourceName}, line {lineNumber}: {problem}.");

        var skip = Next("the skip link (\"Go to contents\" or \"본문 바로가기\")");
        if (!SkipLinks.TryGetValue(skip.Text, out var language))
        {
            throw Error($"expected the skip link \"Go to contents\" or \"본문 바로가기\", found \"{skip.Text}\"", skip.Number);
        }

        var headline = Next("the headline");
        if (position < lines.Count && lines[position].Text == headline.Text)
        {
            position++; // the page prints the headline twice (title bar and article header)
        }

        var labels = DateLabels[language];
        var posted = Next($"the \"{labels.Posted}\" line");
        var postedAt = ParseDate(posted, labels.Posted) ?? throw Error($"expected \"{labels.Posted} <date time>\", found \"{posted.Text}\"", posted.Number);

        var updatedAt = postedAt;
        if (position < lines.Count && lines[position].Text.StartsWith(labels.Updated + " ", StringComparison.Ordinal))
        {
            var updated = lines[position++];
            updatedAt = ParseDate(updated, labels.Updated) ?? throw Error($"expected \"{labels.Updated} <date time>\", found \"{updated.Text}\"", updated.Number);
        }

        string? counterpartLanguage = null;
        var other = Languages.Other(language);
        if (position < lines.Count && lines[position].Text == Languages.Endonym(other))
        {
            counterpartLanguage = other;
            position++;
        }

        var paragraphs = lines.Skip(position).Select(line => line.Text).ToList();
        if (paragraphs.Count == 0)
        {
            throw Error("the page has no body paragraphs", lines[^1].Number);
        }

        return new SeedPage(language, headline.Text, postedAt, updatedAt, counterpartLanguage, paragraphs);
    }

    private DateTimeOffset? ParseDate((string Text, int Number) line, string label)
    {
        if (!line.Text.StartsWith(label + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var value = line.Text[(label.Length + 1)..].TrimEnd(',', ' ');
        return time.TryParseDisplay(value, out var instant) ? instant : null;
    }

    /// <summary>Trims both ends, non-breaking spaces included; the words in between stay as they are.</summary>
    private static string Clean(string line) => line.Trim();
}
