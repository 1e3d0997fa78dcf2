using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Cli;
using EditorialArchive.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace EditorialArchive.Tests.Postgres;

/// <summary>The command-line verbs with <c>Archive:Database=postgres</c>: migrate works, the rest say they are not ported.</summary>
public sealed class PostgresCliTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase database = new();
    private readonly TempDatabase sqliteFile = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public async Task DisposeAsync()
    {
        sqliteFile.Dispose();
        await database.DisposeAsync();
    }

    private async Task<int> RunAsync(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Production" });
        builder.Configuration["Archive:Database"] = "postgres";
        builder.Configuration[$"ConnectionStrings:{PostgresServices.ConnectionStringName}"] = database.ConnectionString;
        builder.Configuration["ConnectionStrings:Archive"] = sqliteFile.ConnectionString;
        builder.AddArchive();
        await using var app = builder.Build();
        return await CliVerbs.RunAsync(app, args);
    }

    [Fact]
    public async Task Migrate_applies_the_postgres_migrations_and_writes_the_zone()
    {
        Assert.Equal(0, await RunAsync("migrate"));

        await using var connection = await database.OpenAsync();
        Assert.Equal(
            EditorialArchive.Web.Data.Migration.LoadEmbeddedPostgres().Count,
            await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal("Asia/Seoul", await connection.ExecuteScalarAsync<string>("SELECT time_zone FROM archive_settings WHERE id = 1"));
        Assert.False(File.Exists(sqliteFile.Path), "migrate on postgres must not create the SQLite file");
    }

    [Fact]
    public async Task A_verb_not_ported_exits_1_without_touching_either_database()
    {
        Assert.Equal(1, await RunAsync("import-seeds"));
        Assert.False(File.Exists(sqliteFile.Path), "a verb refused on postgres must not fall back to the SQLite file");

        await using var connection = await database.OpenAsync();
        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT to_regclass('schema_migrations')::text"));
    }
}
