using System.Globalization;
using EditorialArchive.Web.Reading;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>
/// SQL functions the triggers of migration 003 call to keep the search index and the month counts in step
/// with <c>articles</c>. They are registered on every connection <see cref="SqliteConnectionFactory"/> opens,
/// so every write path of the app (and every migration) maintains both inside its own transaction.
/// </summary>
public static class ArchiveSqlFunctions
{
    public static void Register(SqliteConnection connection, TimeZoneInfo zone)
    {
        connection.CreateFunction<string?, string>("archive_nfc", text => SearchText.Normalize(text), isDeterministic: true);
        connection.CreateFunction<string?, string>("archive_plain_text", markdown => SearchText.PlainTextOfMarkdown(markdown), isDeterministic: true);
        connection.CreateFunction<string?, string>("archive_hangul_bigrams", text => HangulBigrams.Of(text), isDeterministic: true);
        connection.CreateFunction<string?, string?>("archive_local_month", instant => LocalMonth(instant, zone), isDeterministic: true);
        connection.CreateFunction("archive_zone", () => zone.Id, isDeterministic: true);
        // The fragment index's lowest id (migration 015): none given, the newest id less SearchRepository.RecentPieces.
        RegisterRecentSearchFloor(connection, null);
    }

    /// <summary>Which ids the fragment index takes as they are written: above <paramref name="floor"/>, or (null) the newest ones.</summary>
    public static void RegisterRecentSearchFloor(SqliteConnection connection, long? floor) =>
        connection.CreateFunction("archive_recent_search_floor", () => floor, isDeterministic: true);

    /// <summary>The zone named by <c>Archive:TimeZone</c>, or Asia/Seoul when it is unset (start-up validation rejects unknown names).</summary>
    public static TimeZoneInfo ZoneOrDefault(string? id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultZone : id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);
        }
    }

    public const string DefaultZone = "Asia/Seoul";

    private static string? LocalMonth(string? instant, TimeZoneInfo zone) =>
        instant is null ? null : TimeZoneInfo.ConvertTime(UtcInstant.Parse(instant), zone).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
