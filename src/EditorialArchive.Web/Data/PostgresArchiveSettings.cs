using Dapper;

namespace EditorialArchive.Web.Data;

/// <summary>
/// Writes what the PostgreSQL triggers read of the app's configuration: the newsroom's zone (archive_settings), in
/// which the month counts are kept. When the zone has changed since the counts were made, they are made again in the
/// same transaction, so no reader ever sees counts of one zone labelled with another.
/// </summary>
public sealed class PostgresArchiveSettings(PostgresConnectionFactory connections)
{
    private const string WriteZoneSql = """
        INSERT INTO archive_settings (id, time_zone) VALUES (1, @Zone)
        ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone
        """;

    private const string CountsZoneSql = "SELECT zone FROM archive_counts_zone WHERE id = 1";

    private const string RecountSql = """
        DELETE FROM archive_month_counts;
        INSERT INTO archive_month_counts (language, month, count)
        SELECT language, archive_local_month(posted_at), count(*)
        FROM articles
        WHERE status = 'published'
        GROUP BY language, archive_local_month(posted_at);
        INSERT INTO archive_counts_zone (id, zone) VALUES (1, @Zone)
        ON CONFLICT (id) DO UPDATE SET zone = excluded.zone;
        """;

    /// <summary>Stores <paramref name="zone"/> for the triggers; returns whether the month counts were made again.</summary>
    public async Task<bool> WriteZoneAsync(TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var zoneName = IanaName(zone);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(WriteZoneSql, new { Zone = zoneName }, transaction, cancellationToken: cancellationToken));
        var countsZone = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(CountsZoneSql, transaction: transaction, cancellationToken: cancellationToken));
        var recount = countsZone != zoneName;
        if (recount)
        {
            await connection.ExecuteAsync(new CommandDefinition(RecountSql, new { Zone = zoneName }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return recount;
    }

    /// <summary>PostgreSQL knows zones by their IANA names; a Windows name (Korea Standard Time) is translated.</summary>
    public static string IanaName(TimeZoneInfo zone) =>
        zone.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? zone.Id : iana;
}
