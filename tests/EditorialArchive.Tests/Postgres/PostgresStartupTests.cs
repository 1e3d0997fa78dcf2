using System.Net;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EditorialArchive.Tests.Postgres;

/// <summary>The app with <c>Archive:Database=postgres</c>: start-up migrates, requests hear that the rest is not ported.</summary>
public sealed class PostgresStartupTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    private sealed class PostgresAppFactory(string databaseKind, string connectionString) : ArchiveAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Archive:Database", databaseKind),
            new($"ConnectionStrings:{PostgresServices.ConnectionStringName}", connectionString),
        ];
    }

    [Fact]
    public async Task Start_up_applies_the_migrations_writes_the_zone_and_requests_get_a_clear_503()
    {
        await using var app = new PostgresAppFactory("postgres", database.ConnectionString);
        using var client = app.CreateBrowserlessClient();

        using var response = await client.GetAsync(new Uri("/en/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("not ported to PostgreSQL yet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var connection = await database.OpenAsync();
        Assert.Equal(
            EditorialArchive.Web.Data.Migration.LoadEmbeddedPostgres().Count,
            await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal("Asia/Seoul", await connection.ExecuteScalarAsync<string>("SELECT time_zone FROM archive_settings WHERE id = 1"));
    }

    [Fact]
    public async Task None_of_the_apps_background_services_runs_on_postgres()
    {
        // They write through the SQLite repositories; on postgres they would fail in a loop against an empty file.
        await using var app = new PostgresAppFactory("postgres", database.ConnectionString);
        app.CreateBrowserlessClient().Dispose();

        var ours = app.Services.GetServices<IHostedService>().Where(s => s.GetType().Assembly == typeof(PostgresServices).Assembly);

        Assert.Empty(ours.Select(s => s.GetType().Name));
        await using var sqlite = new ArchiveAppFactory();
        Assert.Contains(sqlite.Services.GetServices<IHostedService>(), s => s.GetType().Name == "ScheduledPublisher");
    }

    [Fact]
    public async Task An_edited_applied_migration_stops_start_up_with_a_message_naming_it()
    {
        await using (var first = new PostgresAppFactory("postgres", database.ConnectionString))
        {
            first.CreateBrowserlessClient().Dispose();
        }

        await using (var connection = await database.OpenAsync())
        {
            // As if 003_reading.sql had been edited since: its recorded hash no longer matches.
            await connection.ExecuteAsync("UPDATE schema_migrations SET sha256 = 'an-older-hash' WHERE number = 3");
        }

        await using var second = new PostgresAppFactory("postgres", database.ConnectionString);
        var error = Assert.ThrowsAny<Exception>(() => second.CreateBrowserlessClient());

        Assert.Contains("Migration Postgres/003_reading.sql was changed after it was applied", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_database_kind_stops_start_up_with_a_message_naming_the_choices()
    {
        await using var app = new PostgresAppFactory("mysql", database.ConnectionString);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateBrowserlessClient());

        Assert.Contains("Archive:Database must be 'sqlite' or 'postgres' (it is 'mysql')", Messages(error), StringComparison.Ordinal);
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
