using Dapper;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialArchive.Tests.Postgres;

public sealed class PostgresMigrationTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase database = new();
    private PostgresConnectionFactory connections = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        connections = database.CreateFactory();
    }

    public async Task DisposeAsync()
    {
        await connections.DisposeAsync();
        await database.DisposeAsync();
    }

    private PostgresMigrationRunner Runner() => new(connections, NullLogger<PostgresMigrationRunner>.Instance);

    [Fact]
    public async Task Every_migration_applies_on_an_empty_database_and_is_recorded_with_its_hash()
    {
        var migrations = Migration.LoadEmbeddedPostgres();

        var applied = await Runner().ApplyAsync(migrations, CancellationToken.None);

        Assert.Equal(migrations.Select(m => m.Name), applied);
        Assert.Contains("001_articles.sql", applied);
        await using var connection = await database.OpenAsync();
        var history = (await connection.QueryAsync<(long Number, string Sha256)>("SELECT number, sha256 FROM schema_migrations ORDER BY number")).ToList();
        Assert.Equal(migrations.Select(m => ((long)m.Number, m.Sha256)), history);
    }

    [Fact]
    public void The_postgres_and_sqlite_migrations_are_loaded_apart()
    {
        var sqlite = Migration.LoadEmbedded();
        var postgres = Migration.LoadEmbeddedPostgres();

        Assert.Contains(sqlite, m => m.Name == "015_recent_search_index.sql");
        Assert.DoesNotContain(postgres, m => m.Name == "015_recent_search_index.sql");
        Assert.All(postgres, m => Assert.DoesNotContain("USING fts5", m.Sql, StringComparison.OrdinalIgnoreCase));
        Assert.All(sqlite, m => Assert.DoesNotContain("plpgsql", m.Sql, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Applying_again_changes_nothing()
    {
        await Runner().ApplyAsync(Migration.LoadEmbeddedPostgres(), CancellationToken.None);
        var before = await SchemaSnapshotAsync();

        var second = await Runner().ApplyAsync(Migration.LoadEmbeddedPostgres(), CancellationToken.None);

        Assert.Empty(second);
        Assert.Equal(before, await SchemaSnapshotAsync());
    }

    [Fact]
    public async Task An_edited_applied_migration_is_refused_and_nothing_after_it_runs()
    {
        var migrations = Migration.LoadEmbeddedPostgres();
        await Runner().ApplyAsync(migrations.Take(3).ToList(), CancellationToken.None);
        var edited = migrations.Select(m => m.Number == 3 ? Migration.FromFile(m.Name, m.Sql + "\n-- an afterthought\n") : m).ToList();

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner().ApplyAsync(edited, CancellationToken.None));

        Assert.Contains("Migration Postgres/003_reading.sql was changed after it was applied", error.Message, StringComparison.Ordinal);
        Assert.Contains($"PostgreSQL database '{database.Name}'", error.Message, StringComparison.Ordinal);
        await using var connection = await database.OpenAsync();
        Assert.Equal(3L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_whole()
    {
        var broken = Migration.FromFile("001_broken.sql", "CREATE TABLE half (id bigint PRIMARY KEY); SELECT no_such_function();");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner().ApplyAsync([broken], CancellationToken.None));

        Assert.Contains("001_broken.sql failed and was rolled back", error.Message, StringComparison.Ordinal);
        await using var connection = await database.OpenAsync();
        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT to_regclass('half')::text"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    private const string SchemaSnapshotSql = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type AS item
        FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL
        SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal
        UNION ALL
        SELECT 'row ' || version || ' ' || listing_version FROM archive_changes
        ORDER BY item
        """;

    private async Task<List<string>> SchemaSnapshotAsync()
    {
        await using var connection = await database.OpenAsync();
        return [.. await connection.QueryAsync<string>(SchemaSnapshotSql)];
    }
}
