using System.Text;
using System.Text.Json;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Export;
using Microsoft.AspNetCore.Identity;

namespace EditorialArchive.Tests.Export;

/// <summary>
/// export → import → export on a generated archive with every status, both languages, revisions, corrections, former
/// slugs, links of both kinds, accounts and audit entries: the bytes, the rows, the derived tables and the pages.
/// </summary>
public sealed class NdjsonRoundTripTests(NdjsonRoundTripTests.RoundTrip trip) : IClassFixture<NdjsonRoundTripTests.RoundTrip>
{
    /// <summary>The source archive exported twice (with and without accounts' secrets), each export imported into a new archive.</summary>
    public sealed class RoundTrip : IAsyncLifetime
    {
        public SourceArchive Source { get; } = new();

        public ImportedArchive WithAccounts { get; } = new();

        public ImportedArchive WithoutAccounts { get; } = new();

        public byte[] ExportWithAccounts { get; private set; } = [];

        public byte[] ExportWithoutAccounts { get; private set; } = [];

        public ImportSummary ImportWithoutAccounts { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            ExportWithAccounts = await Exchange.ExportAsync(Source.Connections, withAccounts: true);
            ExportWithoutAccounts = await Exchange.ExportAsync(Source.Connections, withAccounts: false);
            await Exchange.ImportAsync(WithAccounts.Connections, ExportWithAccounts);
            ImportWithoutAccounts = await Exchange.ImportAsync(WithoutAccounts.Connections, ExportWithoutAccounts);
        }

        public async Task DisposeAsync()
        {
            await Source.DisposeAsync();
            await WithAccounts.DisposeAsync();
            await WithoutAccounts.DisposeAsync();
        }
    }

    [Fact]
    public async Task Export_import_export_gives_the_same_bytes_with_and_without_accounts()
    {
        Assert.Equal(trip.ExportWithAccounts, await Exchange.ExportAsync(trip.WithAccounts.Connections, withAccounts: true));
        Assert.Equal(trip.ExportWithoutAccounts, await Exchange.ExportAsync(trip.WithoutAccounts.Connections, withAccounts: false));
        // And the same archive gives the same bytes every time.
        Assert.Equal(trip.ExportWithAccounts, await Exchange.ExportAsync(trip.Source.Connections, withAccounts: true));
    }

    [Fact]
    public async Task The_export_holds_every_status_both_languages_and_every_kind_of_record_one_object_a_line()
    {
        var lines = Encoding.UTF8.GetString(trip.ExportWithAccounts).Split('\n');
        Assert.Equal("", lines[^1]);
        var header = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal(NdjsonFormat.Name, header.GetProperty("format").GetString());
        Assert.Equal(1, header.GetProperty("version").GetInt32());
        Assert.Equal(Migration.LoadEmbedded().Select(m => m.Name), header.GetProperty("schema").EnumerateArray().Select(e => e.GetString()));
        var rows = lines[1..^2].Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(rows.Count, JsonDocument.Parse(lines[^2]).RootElement.GetProperty("end").GetProperty("rows").GetInt64());

        var tables = rows.GroupBy(row => row.GetProperty("table").GetString()!).ToDictionary(g => g.Key, g => g.Select(r => r.GetProperty("row")).ToList());
        Assert.Equal(["article_corrections", "article_links", "article_related", "article_revisions", "article_slugs", "articles", "audit_log", "import_sources", "legacy_addresses", "sections", "users"], tables.Keys.Order());
        var articles = tables["articles"];
        Assert.Equal(120, articles.Count);
        Assert.Equal(["draft", "published", "scheduled", "trashed", "unpublished"], articles.Select(a => a.GetProperty("status").GetString()).Distinct().Order());
        Assert.Equal(["en", "ko"], articles.Select(a => a.GetProperty("language").GetString()).Distinct().Order());
        Assert.Contains(tables["article_links"], link => link.GetProperty("external_url").ValueKind == JsonValueKind.String);
        Assert.Contains(tables["article_links"], link => link.GetProperty("target_article_id").ValueKind == JsonValueKind.Number);
        // Rows in primary-key order.
        var ids = articles.Select(a => a.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Order(), ids);
        // Korean stays readable; quotes and control characters are escaped, and the line stays one line.
        var escaped = articles.Single(a => a.GetProperty("id").GetInt64() == trip.Source.EscapedId);
        Assert.Equal("Line\nbreak", escaped.GetProperty("byline").GetString());
        Assert.Contains("한국어 \\\"인용\\\"", lines.Single(line => line.Contains("\"id\":" + trip.Source.EscapedId + ",\"slug\"", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_imported_archive_holds_the_same_rows_in_every_table_the_export_covers()
    {
        await using var source = await trip.Source.Connections.OpenAsync(CancellationToken.None);
        await using var imported = await trip.WithAccounts.Connections.OpenAsync(CancellationToken.None);
        var tables = ArchiveTables.ListExported(source);
        Assert.Equal(tables.Select(t => t.Name), ArchiveTables.ListExported(imported).Select(t => t.Name));
        foreach (var table in tables)
        {
            var sql = $"SELECT {table.QuotedColumnList} FROM {table.QuotedName} ORDER BY {string.Join(", ", table.OrderBy)}";
            var expected = (await source.QueryAsync(sql)).Select(row => JsonSerializer.Serialize(row)).ToList();
            var actual = (await imported.QueryAsync(sql)).Select(row => JsonSerializer.Serialize(row)).ToList();
            Assert.True(expected.Count > 0, $"{table.Name} is empty in the source archive");
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task Search_index_and_month_counts_are_rebuilt_by_the_triggers()
    {
        await using var source = await trip.Source.Connections.OpenAsync(CancellationToken.None);
        await using var imported = await trip.WithoutAccounts.Connections.OpenAsync(CancellationToken.None);
        const string Counts = "SELECT language, month, count FROM archive_month_counts ORDER BY language, month";
        Assert.Equal(await source.QueryAsync<(string, string, long)>(Counts), await imported.QueryAsync<(string, string, long)>(Counts));
        Assert.NotEmpty(await imported.QueryAsync<(string, string, long)>(Counts));
        // Hits as sets: the source's index still counts the row its headline edit deleted in bm25's document frequencies
        // (until its segments merge), so ranks can differ in the last digits between the two.
        const string Search = "SELECT rowid FROM article_search WHERE article_search MATCH @Query ORDER BY rowid";
        foreach (var query in new[] { "government", "정부", "script", "인용" })
        {
            var hits = (await source.QueryAsync<long>(Search, new { Query = query })).ToList();
            Assert.Equal(hits, await imported.QueryAsync<long>(Search, new { Query = query }));
        }

        Assert.Equal([trip.Source.EscapedId], await imported.QueryAsync<long>(Search, new { Query = "인용" }));
        Assert.Equal(
            await source.ExecuteScalarAsync<long>("SELECT count(*) FROM article_search_docsize"),
            await imported.ExecuteScalarAsync<long>("SELECT count(*) FROM article_search_docsize"));
    }

    [Fact]
    public async Task The_imported_archive_serves_the_same_article_pages_and_search_results()
    {
        await using var connection = await trip.Source.Connections.OpenAsync(CancellationToken.None);
        var pieces = (await connection.QueryAsync<(long Id, string Language, string Slug)>(
            "SELECT id, language, slug FROM articles WHERE id IN @Ids", new { Ids = new[] { trip.Source.CorrectedId, trip.Source.EscapedId } })).ToList();
        Assert.Equal(2, pieces.Count);
        var urls = pieces.Select(p => $"/{p.Language}/articles/{p.Id}/{Uri.EscapeDataString(p.Slug)}")
            .Concat(["/en/", "/ko/", "/en/search?q=government", "/ko/search?q=%EC%A0%95%EB%B6%80", "/sitemap.xml"]);
        var source = trip.Source.CreateBrowserlessClient();
        var imported = trip.WithoutAccounts.CreateBrowserlessClient();
        foreach (var url in urls)
        {
            using var expected = await source.GetAsync(url);
            using var actual = await imported.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.OK, expected.StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.OK, actual.StatusCode);
            Assert.Equal(await expected.Content.ReadAsStringAsync(), await actual.Content.ReadAsStringAsync());
        }

        var corrected = pieces.Single(p => p.Id == trip.Source.CorrectedId);
        using var formerSlug = await imported.GetAsync($"/{corrected.Language}/articles/{corrected.Id}/an-older-slug");
        Assert.Equal(System.Net.HttpStatusCode.MovedPermanently, formerSlug.StatusCode);
    }

    [Fact]
    public async Task Without_accounts_the_file_has_no_password_hashes_and_imported_accounts_cannot_sign_in_until_given_a_password()
    {
        var text = Encoding.UTF8.GetString(trip.ExportWithoutAccounts);
        Assert.DoesNotContain("password_hash", text, StringComparison.Ordinal);
        Assert.Contains(NdjsonFormat.WithoutPasswordHashes, text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("\"password_hash\":\"", Encoding.UTF8.GetString(trip.ExportWithAccounts), StringComparison.Ordinal);
        Assert.Equal(2, trip.ImportWithoutAccounts.AccountsWithoutPassword);

        await using var imported = await trip.WithoutAccounts.Connections.OpenAsync(CancellationToken.None);
        var accounts = (await imported.QueryAsync<(string Email, string PasswordHash, long IsDisabled)>(
            "SELECT email, password_hash, is_disabled FROM users ORDER BY id")).ToList();
        Assert.Equal([("admin@example.test", 0L), ("former@example.test", 1L)], accounts.Select(a => (a.Email, a.IsDisabled)));
        var hasher = new PasswordHasher<EditorAccount>();
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new EditorAccount(), accounts[0].PasswordHash, SourceArchive.AdminPassword));
        Assert.NotEqual(accounts[0].PasswordHash, accounts[1].PasswordHash);

        await using var withAccounts = await trip.WithAccounts.Connections.OpenAsync(CancellationToken.None);
        var kept = await withAccounts.ExecuteScalarAsync<string>("SELECT password_hash FROM users WHERE id = 1");
        Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new EditorAccount(), kept!, SourceArchive.AdminPassword));
    }

    [Fact]
    public async Task An_archive_that_already_holds_pieces_is_refused_and_keeps_what_it_had()
    {
        var error = await Assert.ThrowsAsync<NdjsonImportException>(() => Exchange.ImportAsync(trip.WithAccounts.Connections, trip.ExportWithAccounts));
        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(trip.ExportWithAccounts, await Exchange.ExportAsync(trip.WithAccounts.Connections, withAccounts: true));
    }
}
