using Dapper;
using EditorialArchive.Web.Data;
using Npgsql;

namespace EditorialArchive.Tests.Postgres;

/// <summary>
/// A fresh database on the test server (ARCHIVE_TEST_POSTGRES, which tests/run.sh starts), created for one test and
/// dropped after it. Without the variable a test fails with a message saying how to get it: it never skips.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    public const string EnvironmentVariable = "ARCHIVE_TEST_POSTGRES";

    private readonly string serverConnectionString = ServerConnectionString();

    /// <summary>Made here, of hex digits only, so it can be spliced into CREATE DATABASE (which takes no parameters).</summary>
    public string Name { get; } = "archive_t_" + Guid.NewGuid().ToString("N");

    public string ConnectionString => new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = Name }.ConnectionString;

    public PostgresConnectionFactory CreateFactory() => new(ConnectionString);

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task InitializeAsync()
    {
        await using var server = new NpgsqlConnection(serverConnectionString);
        await server.OpenAsync();
        await server.ExecuteAsync($"CREATE DATABASE \"{Name}\"");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(serverConnectionString);
        await server.OpenAsync();
        // FORCE: a connection a failed test left open must not keep the database alive. It cannot end a superuser's
        // session (an autovacuum worker that just connected: 42501), which ends by itself moments later: try again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string ServerConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so this PostgreSQL test cannot run. Run the tests with 'bash tests/run.sh', which starts " +
                "PostgreSQL (tests/start-test-services.sh), or run 'eval \"$(bash tests/start-test-services.sh)\"' first.")
            : value;
    }
}
