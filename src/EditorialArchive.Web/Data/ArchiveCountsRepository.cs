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
}
