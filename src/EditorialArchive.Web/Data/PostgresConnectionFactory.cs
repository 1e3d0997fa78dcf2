using Npgsql;

namespace EditorialArchive.Web.Data;

/// <summary>
/// Opens pooled connections to the archive's PostgreSQL database (<c>Archive:Database = postgres</c>). One
/// <see cref="NpgsqlDataSource"/> for the life of the app: it owns the pool.
/// </summary>
public sealed class PostgresConnectionFactory : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource dataSource;

    public PostgresConnectionFactory(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Database = builder.Database ?? "";
        Host = builder.Host ?? "";
        dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Where the archive is, for messages (host and database; never the password).</summary>
    public string DataSource => $"PostgreSQL database '{Database}' on {Host}";

    public string Database { get; }

    public string Host { get; }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public void Dispose() => dataSource.Dispose();
}
