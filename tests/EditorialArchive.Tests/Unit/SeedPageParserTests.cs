using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Seeds;

namespace EditorialArchive.Tests.Unit;

public sealed class SeedPageParserTests
{
    private static readonly SeedPageParser Parser = new(new ArchiveTime(TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")));

    [Fact]
    public void Parses_every_field_and_paragraph_of_the_original_editorial()
    {
        var text = SeedFiles.Read(SeedFiles.OriginalEditorial);

        var page = Parser.Parse(text, SeedFiles.OriginalEditorial);

        Assert.Equal("en", page.Language);
        Assert.Equal("S. Korea should prepare for U.S.-N. Korea potential developments", page.Headline);
        // 08:09 in Seoul (UTC+9) is 23:09 UTC the day before.
        Assert.Equal(new DateTimeOffset(2023, 12, 14, 23, 9, 0, TimeSpan.Zero), page.PostedAt);
        Assert.Equal(new DateTimeOffset(2023, 12, 14, 23, 9, 0, TimeSpan.Zero), page.UpdatedAt);
        Assert.Equal("ko", page.CounterpartLanguage);
        Assert.Collection(
            page.Paragraphs,
            p => AssertParagraph(p, "It has been suggested that former U.S. President Donald Trump", "indicate a potential inclination toward revisiting negotiations."),
            p => AssertParagraph(p, "The freeze-for-relief concept is not a mere slip of the tongue", "hints at a possible future attempt at a similar agreement with North Korea."),
            p => AssertParagraph(p, "This potential deal is a topic of discussion in various circles in Washington.", "risking a breakdown in the alliance."),
            p => AssertParagraph(p, "There is also concern about North Korea leveraging its nuclear capabilities", "the dynamics of the U.S. presidential election in 2024."));
        // Typographic quotes and apostrophes are kept as published.
        Assert.Contains("\u201cmade-up story,\u201d", page.Paragraphs[0], StringComparison.Ordinal);
        Assert.Contains("Trump\u2019s recent statement", page.Paragraphs[1], StringComparison.Ordinal);
        // Every paragraph of the file is kept word for word.
        var fileParagraphs = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 200).ToList();
        Assert.Equal(fileParagraphs, page.Paragraphs);
    }

    private static void AssertParagraph(string paragraph, string start, string end)
    {
        Assert.StartsWith(start, paragraph, StringComparison.Ordinal);
        Assert.EndsWith(end, paragraph, StringComparison.Ordinal);
    }

    [Fact]
    public void Parses_a_korean_page_with_its_labels_and_english_marker()
    {
        const string text = "본문 바로가기\n\n북한의 도발에 대비해야\n\n북한의 도발에 대비해야\n\n입력 2024-01-05 06:30\n\n수정 2024-01-06 10:00\n\nEnglish\n\n첫 문단이다.\n\n둘째 문단이다.\n";

        var page = Parser.Parse(text, "ko.txt");

        Assert.Equal("ko", page.Language);
        Assert.Equal("북한의 도발에 대비해야", page.Headline);
        Assert.Equal(new DateTimeOffset(2024, 1, 4, 21, 30, 0, TimeSpan.Zero), page.PostedAt);
        Assert.Equal(new DateTimeOffset(2024, 1, 6, 1, 0, 0, TimeSpan.Zero), page.UpdatedAt);
        Assert.Equal("en", page.CounterpartLanguage);
        Assert.Equal(["첫 문단이다.", "둘째 문단이다."], page.Paragraphs);
    }

    [Fact]
    public void A_page_without_updated_line_or_marker_uses_the_posted_time_and_no_counterpart()
    {
        const string text = "Go to contents\r\nHeadline only once\r\nPosted January. 05, 2024 07:48,\u00a0\u00a0\r\nBody paragraph.\r\n";

        var page = Parser.Parse(text, "short.txt");

        Assert.Equal("Headline only once", page.Headline);
        Assert.Equal(page.PostedAt, page.UpdatedAt);
        Assert.Null(page.CounterpartLanguage);
        Assert.Equal(["Body paragraph."], page.Paragraphs);
    }

    [Theory]
    [InlineData("Skip this\n\nHeadline\n\nPosted December. 15, 2023 08:09\n\nBody", "line 1", "skip link")]
    [InlineData("Go to contents\n\nHeadline\n\nPublished December. 15, 2023 08:09\n\nBody", "line 5", "Posted")]
    [InlineData("Go to contents\n\nHeadline\n\nPosted Decembre. 45, 2023 08:09\n\nBody", "line 5", "Posted")]
    [InlineData("Go to contents\n\nHeadline\n\nPosted December. 15, 2023 08:09\n\nUpdated yesterday\n\nBody", "line 7", "Updated")]
    [InlineData("Go to contents\n\nHeadline\n\nPosted December. 15, 2023 08:09\n\n한국어\n", "line 7", "no body")]
    [InlineData("", "line 1", "ends")]
    public void Malformed_pages_are_refused_with_the_file_and_line(string text, string line, string problem)
    {
        var error = Assert.Throws<SeedFormatException>(() => Parser.Parse(text, "bad.txt"));

        Assert.StartsWith($"bad.txt, {line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
