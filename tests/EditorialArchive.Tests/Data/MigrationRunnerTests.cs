using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialArchive.Tests.Data;

public sealed class MigrationRunnerTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly SqliteConnectionFactory connections;
    private readonly MigrationRunner runner;

    public MigrationRunnerTests()
    {
        connections = database.CreateFactory();
        runner = new MigrationRunner(connections, NullLogger<MigrationRunner>.Instance);
    }

    public void Dispose() => database.Dispose();

    private static readonly Migration CreateA = Migration.FromFile("001_a.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT NOT NULL);");
    private static readonly Migration AlterA = Migration.FromFile("002_a_more.sql", "ALTER TABLE a ADD COLUMN extra TEXT; INSERT INTO a (name) VALUES ('x');");

    [Fact]
    public async Task Applies_in_number_order_and_records_each_with_its_hash()
    {
        // Given out of order, 002 (which needs table a) must still run after 001.
        var applied = await runner.ApplyAsync([AlterA, CreateA], CancellationToken.None);

        Assert.Equal(["001_a.sql", "002_a_more.sql"], applied);
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var history = (await connection.QueryAsync<(long Number, string Sha256)>("SELECT number, sha256 FROM schema_migrations ORDER BY number")).ToList();
        Assert.Equal([(1L, CreateA.Sha256), (2L, AlterA.Sha256)], history);
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
    }

    [Fact]
    public async Task Connections_commit_with_synchronous_full_in_wal_mode_as_the_bundled_sqlite_defaults_to()
    {
        // Data/DURABILITY.md: FULL survives power loss, not only a crash. It is the bundled SQLite's compiled default
        // (DEFAULT_WAL_SYNCHRONOUS=2), so no statement per connection sets it; this fails if a build changes that.
        await runner.ApplyAsync([CreateA], CancellationToken.None);
        await using var connection = await connections.OpenAsync(CancellationToken.None);

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"));
        Assert.Contains("DEFAULT_WAL_SYNCHRONOUS=2", await connection.QueryAsync<string>("SELECT compile_options FROM pragma_compile_options"));
    }

    [Fact]
    public async Task A_second_run_applies_only_what_is_new()
    {
        await runner.ApplyAsync([CreateA], CancellationToken.None);

        Assert.Empty(await runner.ApplyAsync([CreateA], CancellationToken.None));
        Assert.Equal(["002_a_more.sql"], await runner.ApplyAsync([CreateA, AlterA], CancellationToken.None));
    }

    [Fact]
    public async Task An_applied_migration_that_was_edited_stops_start_up_with_a_clear_message()
    {
        await runner.ApplyAsync([CreateA], CancellationToken.None);
        var edited = Migration.FromFile("001_a.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => runner.ApplyAsync([edited, AlterA], CancellationToken.None));

        Assert.Contains("001_a.sql was changed after it was applied", error.Message, StringComparison.Ordinal);
        Assert.Contains(CreateA.Sha256, error.Message, StringComparison.Ordinal);
        // Nothing after the edited migration ran either.
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public void Line_endings_do_not_change_the_hash()
    {
        Assert.Equal(
            Migration.FromFile("003_x.sql", "SELECT 1;\nSELECT 2;\n").Sha256,
            Migration.FromFile("003_x.sql", "SELECT 1;\r\nSELECT 2;\r\n").Sha256);
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_whole_and_not_recorded()
    {
        var failing = Migration.FromFile("002_bad.sql", "CREATE TABLE b (id INTEGER); INSERT INTO missing_table VALUES (1);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => runner.ApplyAsync([CreateA, failing], CancellationToken.None));

        Assert.Contains("002_bad.sql failed and was rolled back", error.Message, StringComparison.Ordinal);
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE name = 'b'"));
        Assert.Equal([1L], await connection.QueryAsync<long>("SELECT number FROM schema_migrations"));
    }

    [Fact]
    public async Task Two_migrations_with_one_number_are_refused()
    {
        var twin = Migration.FromFile("001_other.sql", "SELECT 1;");

        var error = await Assert.ThrowsAsync<MigrationException>(() => runner.ApplyAsync([CreateA, twin], CancellationToken.None));

        Assert.Contains("share the number 001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Badly_named_files_are_refused() =>
        Assert.Throws<MigrationException>(() => Migration.FromFile("initial.sql", "SELECT 1;"));

    [Fact]
    public async Task The_embedded_migrations_apply_to_a_new_database()
    {
        var embedded = Migration.LoadEmbedded();

        Assert.NotEmpty(embedded);
        Assert.Equal(embedded.Select(m => m.Name), await runner.ApplyAsync(embedded, CancellationToken.None));
        Assert.Equal(embedded.Select(m => m.Number).Order(), embedded.Select(m => m.Number));
    }
}
