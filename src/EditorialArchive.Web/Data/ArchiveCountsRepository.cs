using System.Globalization;
using Dapper;
using EditorialArchive.Web.Reading;

namespace EditorialArchive.Web.Data;

/// <summary>
/// Published pieces per month, read from <c>archive_month_counts</c>, which the triggers of migration 003 keep
/// in step with every write: a few hundred rows for twenty years, however many pieces there are.
/// </summary>
public sealed class ArchiveCountsRepository(SqliteConnectionFactory connections)
{
    private const string ListMonthCountsSql = """
        SELECT month, count FROM archive_month_counts
        WHERE language = @Language AND month >= @FromMonth AND month <= @ToMonth AND count > 0
        ORDER BY month DESC
        """;

    /// <summary>Months with published pieces between two years (inclusive), newest first.</summary>
    public async Task<IReadOnlyList<MonthCount>> ListMonthCountsAsync(string language, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Month, long Count)>(new CommandDefinition(
            ListMonthCountsSql,
            new { Language = language, FromMonth = $"{fromYear:0000}-01", ToMonth = $"{toYear:0000}-12" },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new MonthCount(
            int.Parse(r.Month[..4], CultureInfo.InvariantCulture), int.Parse(r.Month[5..], CultureInfo.InvariantCulture), r.Count))];
    }

    private const string RecountIfZoneChangedSql = """
        DELETE FROM archive_month_counts WHERE (SELECT zone FROM archive_counts_zone) <> archive_zone();
        INSERT INTO archive_month_counts (language, month, count)
        SELECT language, archive_local_month(posted_at), count(*)
        FROM articles
        WHERE status = 'published' AND (SELECT zone FROM archive_counts_zone) <> archive_zone()
        GROUP BY language, archive_local_month(posted_at);
        UPDATE archive_counts_zone SET zone = archive_zone() WHERE zone <> archive_zone();
        SELECT changes();
        """;

    /// <summary>
    /// Recounts the months when the counts were made in another zone than the connection's (Archive:TimeZone
    /// changed); returns true when it did. One transaction, so readers see the old counts or the new ones.
    /// </summary>
    public async Task<bool> RecountIfZoneChangedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var changed = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            RecountIfZoneChangedSql, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return changed > 0;
    }
}
