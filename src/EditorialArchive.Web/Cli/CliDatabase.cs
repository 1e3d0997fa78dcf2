using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Cli;

/// <summary>The archive a verb works on: the file given with <c>--db PATH</c>, else the configured one.</summary>
public static class CliDatabase
{
    public static SqliteConnectionFactory Connections(IServiceProvider services, string? path)
    {
        if (path is null)
        {
            return services.GetRequiredService<SqliteConnectionFactory>();
        }

        var zone = services.GetRequiredService<IOptions<ArchiveOptions>>().Value.TimeZone;
        return new SqliteConnectionFactory($"Data Source={Path.GetFullPath(path)}", ArchiveSqlFunctions.ZoneOrDefault(zone));
    }

    /// <summary>Applies the pending migrations to that archive.</summary>
    public static Task MigrateAsync(IServiceProvider services, SqliteConnectionFactory connections, CancellationToken cancellationToken) =>
        new MigrationRunner(connections, services.GetRequiredService<ILogger<MigrationRunner>>()).ApplyAsync(Migration.LoadEmbedded(), cancellationToken);
}
