using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Export;

/// <summary>Whether an archive's applied migrations are exactly the ones this app knows (export and import need it).</summary>
internal static class ArchiveSchemaCheck
{
    private const string ListAppliedSql = "SELECT name FROM schema_migrations ORDER BY number";

    private const string HasMigrationsTableSql = "SELECT count(*) FROM pragma_table_list WHERE schema = 'main' AND name = 'schema_migrations'";

    /// <summary>The names of the migrations applied to the archive, in order (empty for a file never migrated).</summary>
    public static IReadOnlyList<string> ListApplied(SqliteConnection connection)
    {
        using (var check = new SqliteStatement(connection, HasMigrationsTableSql))
        {
            if (check.Step() && check.ColumnInt64(0) == 0)
            {
                return [];
            }
        }

        var names = new List<string>();
        using var statement = new SqliteStatement(connection, ListAppliedSql);
        while (statement.Step())
        {
            names.Add(System.Text.Encoding.UTF8.GetString(statement.ColumnBytes(0)));
        }

        return names;
    }

    /// <summary>Null when the schemas agree, else what differs, for a message.</summary>
    public static string? Describe(IReadOnlyList<string> actual, IReadOnlyList<string> known)
    {
        if (actual.SequenceEqual(known, StringComparer.Ordinal))
        {
            return null;
        }

        var unknown = actual.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return $"it names migrations this app does not know ({string.Join(", ", unknown)}): it was made by a newer or different version";
        }

        var missing = known.Except(actual, StringComparer.Ordinal).ToList();
        return missing.Count > 0
            ? $"it lacks migrations this app has ({string.Join(", ", missing)})"
            : $"its migrations are in another order ({string.Join(", ", actual)})";
    }
}
