using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Export;

/// <summary>
/// Imported rows of one table, gathered in a temporary table and moved into the archive by one statement per batch.
/// FTS5 writes its pending tokens at every statement's end, so inserting pieces one statement each would make one
/// index segment per piece (see <see cref="Data.BulkArticleWriter"/>); a batch makes one. The staging table keeps each
/// row's line number, so a row the archive's constraints refuse is reported by its line.
/// </summary>
internal sealed class StagedTableWriter : IDisposable
{
    public const int BatchSize = 2_000;

    private readonly SqliteConnection connection;
    private readonly ArchiveTable table;
    private readonly string staging;
    private readonly SqliteStatement stage;
    private readonly SqliteStatement move;
    private readonly SqliteStatement clear;
    private int staged;

    public StagedTableWriter(SqliteConnection connection, ArchiveTable table, int number)
    {
        this.connection = connection;
        this.table = table;
        staging = ArchiveTable.Quote($"ndjson_import_{number}");
        var columns = table.QuotedColumnList;
        // No declared types: values keep the type they were bound with until the archive's own columns apply theirs.
        using (var create = new SqliteStatement(connection, $"CREATE TEMP TABLE {staging} (ndjson_line, {columns})"))
        {
            create.Execute();
        }

        var parameters = string.Join(", ", Enumerable.Range(1, table.Columns.Count + 1).Select(i => $"?{i}"));
        stage = new SqliteStatement(connection, $"INSERT INTO temp.{staging} (ndjson_line, {columns}) VALUES ({parameters})");
        move = new SqliteStatement(connection, $"INSERT INTO main.{table.QuotedName} ({columns}) SELECT {columns} FROM temp.{staging} ORDER BY rowid");
        clear = new SqliteStatement(connection, $"DELETE FROM temp.{staging}");
    }

    public ArchiveTable Table => table;

    /// <summary>The row being read: bind its column values with <see cref="Column"/>'s parameter numbers, then <see cref="Add"/>.</summary>
    public SqliteStatement Row => stage;

    public long Rows { get; private set; }

    /// <summary>The parameter of a column (by its index in <see cref="ArchiveTable.Columns"/>).</summary>
    public static int Column(int index) => index + 2;

    public void Add(long lineNumber)
    {
        stage.BindInt64(1, lineNumber);
        stage.Execute();
        Rows++;
        if (++staged == BatchSize)
        {
            Flush();
        }
    }

    /// <summary>Moves the staged rows into the archive.</summary>
    public void Flush()
    {
        if (staged == 0)
        {
            return;
        }

        try
        {
            move.Execute();
        }
        catch (SqliteException ex)
        {
            throw new NdjsonImportException(FindRefusedRow() ?? $"Rows of {table.Name} up to line {FindLastLine()} cannot be stored: {ex.Message}.");
        }

        clear.Execute();
        staged = 0;
    }

    public void Dispose()
    {
        stage.Dispose();
        move.Dispose();
        clear.Dispose();
    }

    /// <summary>After a batch failed (and was undone), stores its rows one by one to name the line the archive refuses.</summary>
    private string? FindRefusedRow()
    {
        var rows = new List<(long RowId, long Line)>();
        using (var list = new SqliteStatement(connection, $"SELECT rowid, ndjson_line FROM temp.{staging} ORDER BY rowid"))
        {
            while (list.Step())
            {
                rows.Add((list.ColumnInt64(0), list.ColumnInt64(1)));
            }
        }

        using var one = new SqliteStatement(connection, $"INSERT INTO main.{table.QuotedName} ({table.QuotedColumnList}) SELECT {table.QuotedColumnList} FROM temp.{staging} WHERE rowid = ?1");
        foreach (var (rowId, line) in rows)
        {
            one.BindInt64(1, rowId);
            try
            {
                one.Execute();
            }
            catch (SqliteException ex)
            {
                return $"Line {line}: the archive refuses this {table.Name} row: {ex.Message}.";
            }
        }

        return null;
    }

    private long FindLastLine()
    {
        using var last = new SqliteStatement(connection, $"SELECT max(ndjson_line) FROM temp.{staging}");
        return last.Step() ? last.ColumnInt64(0) : 0;
    }
}
