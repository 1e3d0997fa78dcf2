using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>
/// Write failures of the storage underneath the archive, as opposed to bugs: the disk is full, the file is
/// read-only, the disk reports an error, or the single writer's queue outlasted the busy timeout. SQLite rolls the
/// transaction back in each case, so nothing was stored and nothing is damaged; the desk answers 503 with the
/// editor's text kept, and saving works again once the cause is gone.
/// </summary>
public static class StorageFailure
{
    private const int SqliteBusy = 5;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;

    /// <summary>What went wrong, for the editor; null when the exception is not a storage failure.</summary>
    public static string? Describe(Exception exception) => exception is SqliteException sqlite
        ? sqlite.SqliteErrorCode switch
        {
            SqliteFull => "the server's disk is full",
            SqliteReadOnly => "the archive's database is read-only at the moment",
            SqliteIoError => "the server's disk reported an error",
            SqliteBusy => "the archive was too busy to take the change in time",
            _ => null,
        }
        : null;
}
