using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Export;

/// <summary>One table the export carries: its columns as the schema declares them and the order its rows go in.</summary>
public sealed record ArchiveTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<string> OrderBy)
{
    /// <summary>The name quoted for SQL (it comes from the schema, never from a file).</summary>
    public string QuotedName => Quote(Name);

    public string QuotedColumnList => string.Join(", ", Columns.Select(Quote));

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// The tables an export holds, read from the schema itself: every table of the main database except SQLite's own,
/// virtual tables and their shadow tables (the search index), and the derived tables listed here, which the triggers
/// and the migrations rebuild when the rows are imported. A table a later migration adds is exported without any
/// change here; a derived one must be added to <see cref="DerivedTables"/> (a test fails until it is).
/// </summary>
public static class ArchiveTables
{
    /// <summary>Tables whose rows follow from the others (or from the migrations), so an export leaves them out.</summary>
    public static readonly IReadOnlySet<string> DerivedTables = new HashSet<string>(StringComparer.Ordinal)
    {
        "schema_migrations",    // written by the migration runner of the importing app
        "archive_month_counts", // triggers on articles (003)
        "archive_counts_zone",  // the zone the counts were made in: the importing app's
        "archive_changes",      // change counters moved by triggers (004)
        "archive_page_changes", // what the page cache must evict, written by triggers (010)
        "article_related_pending", // the related lists due, filled by triggers (011); an import clears what it brought
        "article_month_id_ranges", // each month's first and last published id, kept by triggers (014)
        "scheduler_leases",     // which running node publishes scheduled pieces (016): the importing site's own
    };

    /// <summary>
    /// Tables the migrations fill with rows of their own (the four sections): an otherwise empty archive holds them,
    /// and an import replaces them with the file's.
    /// </summary>
    public static readonly IReadOnlySet<string> MigrationFilledTables = new HashSet<string>(StringComparer.Ordinal) { "sections" };

    // type is 'table', 'view', 'virtual' or 'shadow' (FTS5's own tables); SQLite's sqlite_* tables are internal.
    private const string ListTablesSql = """
        SELECT name FROM pragma_table_list
        WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
        ORDER BY name
        """;

    // Generated columns are not listed by table_info (they are derived too).
    private const string ListColumnsSql = "SELECT name, pk FROM pragma_table_info(@table) ORDER BY cid";

    private const string ListParentsSql = "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(@table)";

    /// <summary>Every table of the schema that is not derived.</summary>
    public static IReadOnlyList<string> ListAllTableNames(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        var names = new List<string>();
        using var command = Command(connection, transaction, ListTablesSql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>
    /// The exported tables, parents before the tables whose foreign keys point at them (then by name), so that a file
    /// reads top to bottom: sections, articles, their links, revisions…
    /// </summary>
    public static IReadOnlyList<ArchiveTable> ListExported(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        var names = ListAllTableNames(connection, transaction).Where(name => !DerivedTables.Contains(name)).ToList();
        var parents = names.ToDictionary(name => name, name => ReadStrings(connection, transaction, ListParentsSql, name), StringComparer.Ordinal);
        var ordered = new List<ArchiveTable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < names.Count)
        {
            // The first table (by name) whose parents are all placed; a cycle of foreign keys falls back to name order.
            var next = names.FirstOrDefault(name => !placed.Contains(name)
                && parents[name].All(parent => parent == name || placed.Contains(parent) || !parents.ContainsKey(parent)))
                ?? names.First(name => !placed.Contains(name));
            placed.Add(next);
            ordered.Add(Describe(connection, transaction, next));
        }

        return ordered;
    }

    private static ArchiveTable Describe(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        var columns = new List<string>();
        var key = new SortedList<long, string>();
        using (var command = Command(connection, transaction, ListColumnsSql))
        {
            command.Parameters.AddWithValue("@table", name);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
                if (reader.GetInt64(1) > 0)
                {
                    key.Add(reader.GetInt64(1), reader.GetString(0));
                }
            }
        }

        // Primary-key order; a table without a declared key keeps its rows in rowid (insertion) order.
        var orderBy = key.Count > 0 ? key.Values.Select(ArchiveTable.Quote).ToList() : ["rowid"];
        return new ArchiveTable(name, columns, orderBy);
    }

    private static List<string> ReadStrings(SqliteConnection connection, SqliteTransaction? transaction, string sql, string table)
    {
        using var command = Command(connection, transaction, sql);
        command.Parameters.AddWithValue("@table", table);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
