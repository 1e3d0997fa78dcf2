using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Data;

namespace EditorialArchive.Tests.Durability;

/// <summary>The archive checks (the check verb, the backup's verification, the crash harness) find each kind of damage.</summary>
public sealed class ArchiveIntegrityRepositoryTests : IAsyncLifetime
{
    private readonly ArchiveDatabase database = new();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var posted = new DateTimeOffset(2025, 4, 1, 3, 0, 0, TimeSpan.Zero);
        await database.InsertAsync(
            ArchiveDatabase.Piece("en", "Checked piece", "Checked body.", posted),
            ArchiveDatabase.Piece("ko", "검사한 글", "본문.", posted));
        await ExecuteAsync("""
            INSERT INTO article_revisions (article_id, version, saved_at, headline, slug, language, section_slug, byline, body_markdown, status, posted_at)
            SELECT id, version, modified_at, headline, slug, language, 'editorial', byline, body_markdown, status, posted_at FROM articles
            """);
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_whole_archive_has_no_problems()
    {
        Assert.Empty(await CheckAsync());
    }

    [Theory]
    [InlineData("UPDATE archive_month_counts SET count = count + 1 WHERE language = 'en'", "month counts: en 2025-04 stored 2, recounted 1")]
    [InlineData("DELETE FROM article_search WHERE rowid = (SELECT min(id) FROM articles)", "search index: 1 pieces missing")]
    [InlineData("DELETE FROM article_search_recent WHERE rowid = (SELECT max(id) FROM articles)", "newest pieces' search index: 1 of the newest pieces missing")]
    [InlineData("UPDATE article_month_id_ranges SET first_id = first_id + 1", "month id ranges: 1 published pieces outside")]
    [InlineData("UPDATE article_revisions SET body_markdown = 'Other.' WHERE language = 'en'", "half-written pieces")]
    [InlineData("INSERT INTO article_revisions (article_id, version, saved_at, headline, slug, language, section_slug, body_markdown, status) SELECT article_id, version, saved_at, headline, slug, language, section_slug, body_markdown, status FROM article_revisions WHERE language = 'ko'", "versions stored twice")]
    [InlineData("UPDATE archive_changes SET listing_version = version + 1", "archive_changes")]
    public async Task Each_kind_of_damage_is_reported(string damage, string reported)
    {
        await ExecuteAsync(damage);

        var problems = await CheckAsync();

        Assert.Contains(problems, p => p.Contains(reported, StringComparison.Ordinal));
    }

    private Task<IReadOnlyList<string>> CheckAsync() => new ArchiveIntegrityRepository(database.Connections).CheckAsync(CancellationToken.None);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql);
    }
}
