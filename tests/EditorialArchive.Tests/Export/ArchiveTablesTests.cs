using System.Text;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Export;

namespace EditorialArchive.Tests.Export;

/// <summary>The export is schema-driven: what it covers, what it leaves out, and a table added later.</summary>
public sealed class ArchiveTablesTests : IAsyncLifetime
{
    private readonly ArchiveDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Every_table_of_the_schema_is_exported_or_declared_derived_and_every_declared_table_exists()
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var all = ArchiveTables.ListAllTableNames(connection);
        var exported = ArchiveTables.ListExported(connection).Select(table => table.Name).ToList();
        Assert.Equal(all.Order(), exported.Concat(ArchiveTables.DerivedTables.Where(all.Contains)).Order());
        // A derived table renamed or dropped by a later migration must leave this list too.
        Assert.All(ArchiveTables.DerivedTables, name => Assert.Contains(name, all));
        Assert.All(ArchiveTables.MigrationFilledTables, name => Assert.Contains(name, exported));
        Assert.Equal(["sections", "articles", "article_corrections", "article_links", "article_related", "article_slugs", "import_sources", "legacy_addresses", "users", "article_revisions", "audit_log"], exported);
        // The search index and its shadow tables are not listed at all: the triggers rebuild them.
        var search = await connection.QueryAsync<string>("SELECT name FROM pragma_table_list WHERE name LIKE 'article_search%'");
        Assert.NotEmpty(search);
        Assert.DoesNotContain(all, name => name.StartsWith("article_search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_table_a_later_migration_adds_is_exported_and_imported_without_a_change_to_the_exporter()
    {
        const string LaterTable = """
            CREATE TABLE imported_items (source TEXT NOT NULL, item_key TEXT NOT NULL, article_id INTEGER NULL REFERENCES articles (id),
                                         imported_at TEXT NOT NULL, score REAL NULL, raw BLOB NULL, PRIMARY KEY (source, item_key)) WITHOUT ROWID
            """;
        var ids = await database.InsertAsync(ArchiveDatabase.Piece("en", "Kept", "A body.", DateTimeOffset.UnixEpoch.AddYears(50)));
        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(LaterTable);
            await connection.ExecuteAsync(
                "INSERT INTO imported_items VALUES ('wxr', 'b', @Id, '2026-01-01T00:00:00Z', 0.1, x'00ff10'), ('wxr', 'a', NULL, '2026-01-02T00:00:00Z', NULL, x'')",
                new { Id = ids[0] });
        }

        var export = await Exchange.ExportAsync(database.Connections);
        var text = Encoding.UTF8.GetString(export);
        Assert.Contains("""{"table":"imported_items","row":{"source":"wxr","item_key":"a","article_id":null,"imported_at":"2026-01-02T00:00:00Z","score":null,"raw":{"base64":""}}}""", text, StringComparison.Ordinal);
        Assert.Contains("""{"table":"imported_items","row":{"source":"wxr","item_key":"b","article_id":1,"imported_at":"2026-01-01T00:00:00Z","score":0.1,"raw":{"base64":"AP8Q"}}}""", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("\"table\":\"imported_items\"", StringComparison.Ordinal) > text.IndexOf("\"table\":\"articles\"", StringComparison.Ordinal));

        using var target = new TempDatabase();
        var connections = target.CreateFactory();
        await Exchange.MigrateAsync(connections);
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(LaterTable);
        }

        var summary = await Exchange.ImportAsync(connections, export);
        Assert.Equal(2, summary.Rows["imported_items"]);
        Assert.Equal(export, await Exchange.ExportAsync(connections));
    }
}
