using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialArchive.Tests.Postgres;

/// <summary>The PostgreSQL schema holds the same tables and columns as a SQLite file migrated by the app, but for the listed differences.</summary>
public sealed class PostgresSchemaTests : IAsyncLifetime
{
    /// <summary>SQLite's own bookkeeping and the FTS5 indexes with their shadow tables; PostgreSQL's search is article_search (below).</summary>
    private static readonly string[] OnlyInSqlite =
    [
        "sqlite_sequence",
        "article_search", "article_search_config", "article_search_data", "article_search_docsize", "article_search_idx",
        "article_search_recent", "article_search_recent_config", "article_search_recent_data", "article_search_recent_docsize", "article_search_recent_idx",
    ];

    /// <summary>The zone the triggers read (SQLite asks the app's registered function instead), and the tsvector search table.</summary>
    private static readonly string[] OnlyInPostgres = ["archive_settings", "article_search"];

    private readonly PostgresTestDatabase database = new();
    private readonly TempDatabase sqliteFile = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public async Task DisposeAsync()
    {
        sqliteFile.Dispose();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Postgres_has_the_sqlite_tables_and_columns_but_for_the_listed_differences()
    {
        var sqlite = await SqliteColumnsAsync();
        var postgres = await PostgresColumnsAsync();

        var sqliteShared = sqlite.Where(t => !OnlyInSqlite.Contains(t.Key)).ToDictionary();
        var postgresShared = postgres.Where(t => !OnlyInPostgres.Contains(t.Key)).ToDictionary();
        Assert.Equal(sqliteShared.Keys.Order(StringComparer.Ordinal), postgresShared.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, columns) in sqliteShared)
        {
            Assert.True(columns.SequenceEqual(postgresShared[table]),
                $"{table}: SQLite has ({string.Join(", ", columns)}), PostgreSQL ({string.Join(", ", postgresShared[table])})");
        }

        // The differences are exactly the listed ones: no table is excused that does not exist.
        Assert.All(OnlyInSqlite, t => Assert.True(sqlite.ContainsKey(t), $"{t} is listed as SQLite-only but SQLite has no such table"));
        Assert.All(OnlyInPostgres, t => Assert.True(postgres.ContainsKey(t), $"{t} is listed as PostgreSQL-only but PostgreSQL has no such table"));
        Assert.Equal(["article_id", "document", "grams"], postgres["article_search"]);
        Assert.Equal(["id", "time_zone"], postgres["archive_settings"]);
    }

    private const string SqliteTablesSql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";

    private const string SqliteColumnsSql = "SELECT name FROM pragma_table_info(@Table) ORDER BY cid";

    private async Task<Dictionary<string, List<string>>> SqliteColumnsAsync()
    {
        var connections = sqliteFile.CreateFactory();
        await new MigrationRunner(connections, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadEmbedded(), CancellationToken.None);
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var tables = new Dictionary<string, List<string>>();
        foreach (var table in await connection.QueryAsync<string>(SqliteTablesSql))
        {
            tables[table] = [.. await connection.QueryAsync<string>(SqliteColumnsSql, new { Table = table })];
        }

        return tables;
    }

    private const string PostgresColumnsSql = """
        SELECT table_name AS "Table", column_name AS "Column"
        FROM information_schema.columns
        WHERE table_schema = 'public'
        ORDER BY table_name, ordinal_position
        """;

    private async Task<Dictionary<string, List<string>>> PostgresColumnsAsync()
    {
        await using (var connections = database.CreateFactory())
        {
            await new PostgresMigrationRunner(connections, NullLogger<PostgresMigrationRunner>.Instance)
                .ApplyAsync(Migration.LoadEmbeddedPostgres(), CancellationToken.None);
        }

        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<(string Table, string Column)>(PostgresColumnsSql))
            .GroupBy(c => c.Table)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Column).ToList());
    }
}
