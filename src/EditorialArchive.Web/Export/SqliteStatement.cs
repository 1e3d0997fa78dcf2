using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EditorialArchive.Web.Export;

/// <summary>
/// A prepared statement on SQLite's own API, for the export's and import's row loops: column values and parameters
/// go in and out as UTF-8 bytes, so millions of bodies are never turned into .NET strings and back. It runs inside
/// whatever transaction the connection has open.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        this.connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out statement));
    }

    /// <summary>True while there is a row to read.</summary>
    public bool Step()
    {
        var result = raw.sqlite3_step(statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        if (result != raw.SQLITE_DONE)
        {
            var error = raw.sqlite3_errmsg(connection.Handle).utf8_to_string();
            raw.sqlite3_reset(statement);
            throw new SqliteException(error, result);
        }

        return false;
    }

    /// <summary>Runs a statement that returns no rows, then readies it for the next parameters.</summary>
    public void Execute()
    {
        try
        {
            while (Step())
            {
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    public int ColumnType(int column) => raw.sqlite3_column_type(statement, column);

    public long ColumnInt64(int column) => raw.sqlite3_column_int64(statement, column);

    public double ColumnDouble(int column) => raw.sqlite3_column_double(statement, column);

    /// <summary>A text value's UTF-8 bytes or a blob's bytes, valid until the next step.</summary>
    public ReadOnlySpan<byte> ColumnBytes(int column) => raw.sqlite3_column_blob(statement, column);

    public void BindNull(int parameter) => Check(raw.sqlite3_bind_null(statement, parameter));

    public void BindInt64(int parameter, long value) => Check(raw.sqlite3_bind_int64(statement, parameter, value));

    public void BindDouble(int parameter, double value) => Check(raw.sqlite3_bind_double(statement, parameter, value));

    /// <summary>Binds UTF-8 text (SQLite copies it).</summary>
    // An empty span has no address, and SQLite reads a null address as NULL: the empty string goes through the string overload.
    public void BindText(int parameter, ReadOnlySpan<byte> utf8) =>
        Check(utf8.IsEmpty ? raw.sqlite3_bind_text(statement, parameter, "") : raw.sqlite3_bind_text(statement, parameter, utf8));

    public void BindBlob(int parameter, ReadOnlySpan<byte> bytes) =>
        Check(bytes.IsEmpty ? raw.sqlite3_bind_zeroblob(statement, parameter, 0) : raw.sqlite3_bind_blob(statement, parameter, bytes));

    public void Dispose() => statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), result);
        }
    }
}
