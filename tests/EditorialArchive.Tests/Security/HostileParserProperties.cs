using CsCheck;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Reading;
using EditorialArchive.Web.Seeds;

namespace EditorialArchive.Tests.Security;

/// <summary>
/// The parsers behind the forms and URLs, each over 10,000 hostile inputs: they answer or refuse, never throw
/// anything else, and what they produce is safe to use (a valid slug, a MATCH expression SQLite accepts, a
/// round-tripping cursor or time).
/// </summary>
public sealed class HostileParserProperties(ArchiveDatabase database) : IClassFixture<ArchiveDatabase>
{
    private const int Inputs = 10_000;

    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    // A zone with daylight-saving gaps and overlaps, where some wall-clock times do not exist.
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void Slugs_made_from_any_headline_are_valid_and_carry_no_markup()
    {
        Check.Sample(HostileStrings.Text, headline =>
        {
            var slug = SlugGenerator.FromHeadline(headline);
            Assert.True(SlugGenerator.IsValid(slug), $"\"{HostileStrings.Show(slug)}\" from \"{HostileStrings.Show(headline)}\" is not a valid slug");
            Assert.DoesNotContain('<', slug);
            Assert.Equal(slug, SlugGenerator.FromHeadline(slug));
        }, iter: Inputs, print: HostileStrings.Show);
    }

    [Fact]
    public void Slugs_editors_type_are_accepted_only_without_markup_or_url_syntax()
    {
        Check.Sample(HostileStrings.Text, text =>
        {
            if (SlugGenerator.IsValid(text))
            {
                Assert.DoesNotContain(text, ch => "<>\"'&/?#%\\".Contains(ch) || char.IsWhiteSpace(ch) || char.IsControl(ch) || char.IsSurrogate(ch));
            }
        }, iter: Inputs, print: HostileStrings.Show);
    }

    [Fact]
    public void List_cursors_parse_or_are_refused_and_parsed_ones_round_trip()
    {
        var cursorLike = Gen.Frequency(
            (3, HostileStrings.Text),
            (2, Gen.Select(HostileStrings.ShortText, HostileStrings.ShortText, (a, b) => $"{a}_{b}")),
            (2, Gen.Select(Gen.DateTimeOffset, Gen.Long, (at, id) => $"{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}_{id}")));
        Check.Sample(Gen.Select(cursorLike, cursorLike), (before, after) =>
        {
            if (ListCursor.TryParse(before, out var cursor))
            {
                Assert.True(ListCursor.TryParse(ListCursor.Format(cursor!), out var again));
                Assert.Equal(cursor, again);
            }

            ListCursor.TryReadRequest(before, after, 20, out _);
            ListCursor.TryReadRequest(before, null, 20, out _);
        }, iter: Inputs, print: pair => $"{HostileStrings.Show(pair.Item1)} / {HostileStrings.Show(pair.Item2)}");
    }

    [Fact]
    public async Task Search_queries_always_become_match_expressions_sqlite_accepts()
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        const string CountMatches = "SELECT count(*) FROM article_search WHERE article_search MATCH @Match";
        // One connection, so one thread; each expression runs against the real FTS5 table.
        Check.Sample(HostileStrings.Text, text =>
        {
            var query = SearchQuery.Parse(text);
            Assert.True(query.Terms.Count <= SearchQuery.MaxTerms);
            foreach (var variant in new[] { query, query.Exact(), query.Significant() })
            {
                if (!variant.IsEmpty)
                {
                    connection.ExecuteScalar<long>(CountMatches, new { Match = variant.ToMatchExpression() });
                    connection.ExecuteScalar<long>(CountMatches, new { Match = variant.ToAnyMatchExpression() });
                }
            }
        }, iter: Inputs, threads: 1, print: HostileStrings.Show);
    }

    [Fact]
    public void Local_time_inputs_parse_or_are_refused_and_parsed_ones_round_trip()
    {
        var timeLike = Gen.Frequency(
            (3, HostileStrings.Text),
            (3, Gen.DateTime.Select(t => t.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture))),
            (1, Gen.Select(Gen.Int[-1, 10_000], Gen.Int[-1, 13], Gen.Int[-1, 32], (y, m, d) => $"{y:D4}-{m:D2}-{d:D2}T{d % 25:D2}:{m * 5:D2}")));
        Check.Sample(Gen.Select(timeLike, Gen.Bool), (text, dst) =>
        {
            var zone = dst ? NewYork : Seoul;
            if (LocalTimeInput.TryParse(text, zone, out var instant))
            {
                Assert.Equal(TimeSpan.Zero, instant.Offset);
                Assert.True(LocalTimeInput.TryParse(LocalTimeInput.ToInput(instant, zone), zone, out var again));
                Assert.Equal(instant.AddSeconds(-instant.Second), again);
            }
        }, iter: Inputs, print: pair => HostileStrings.Show(pair.Item1));
    }

    [Fact]
    public void Seed_pages_parse_or_are_refused_with_a_seed_format_error()
    {
        var parser = new SeedPageParser(new ArchiveTime(Seoul));
        var line = Gen.Frequency(
            (4, HostileStrings.ShortText),
            (1, Gen.OneOf("Go to contents", "본문 바로가기", "Posted December. 15, 2023 08:09,", "입력 2023-12-15 08:09", "Updated ", "수정 9999-99-99 99:99", "한국어", "English", "")));
        var page = Gen.Frequency(
            (5, line.Array[0, 12].Select(lines => string.Join('\n', lines))),
            (1, HostileStrings.Text));
        Check.Sample(page, text =>
        {
            try
            {
                var parsed = parser.Parse(text, "hostile.txt");
                Assert.NotEmpty(parsed.Paragraphs);
                Assert.False(string.IsNullOrWhiteSpace(parsed.Headline));
            }
            catch (SeedFormatException e)
            {
                Assert.StartsWith("hostile.txt, line ", e.Message, StringComparison.Ordinal);
            }
        }, iter: Inputs, print: HostileStrings.Show);
    }
}
