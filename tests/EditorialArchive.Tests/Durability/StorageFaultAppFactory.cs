using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EditorialArchive.Tests.Durability;

/// <summary>
/// The desk app whose storage a test can take away while it runs: <see cref="MaxPageCount"/> caps the file
/// (SQLite's pager then answers SQLITE_FULL, as on a full disk), <see cref="ReadOnly"/> makes every connection
/// refuse writes with SQLITE_READONLY (<c>PRAGMA query_only</c>; the tests run as root, whom a chmod does not stop).
/// Both apply to every connection as it is handed out, pooled ones included.
/// </summary>
public sealed class StorageFaultAppFactory : DeskAppFactory
{
    private const long Unlimited = 4294967294;

    public long? MaxPageCount { get; set; }

    public bool ReadOnly { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.Replace(ServiceDescriptor.Singleton(new SqliteConnectionFactory($"Data Source={DatabasePath}", opened: Apply))));
    }

    /// <summary>The file's size in pages now.</summary>
    public long PageCount()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_count";
        return (long)command.ExecuteScalar()!;
    }

    private void Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA max_page_count = {MaxPageCount ?? Unlimited}; PRAGMA query_only = {(ReadOnly ? 1 : 0)};";
        command.ExecuteNonQuery();
    }
}
