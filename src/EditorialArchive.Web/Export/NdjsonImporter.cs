using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Generation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Export;

/// <summary>
/// Reads an NDJSON export (<see cref="NdjsonFormat"/>) into an empty archive in one transaction: any bad line, a row
/// the schema refuses, or a file cut short stops the import with the line's number, and nothing is written. The
/// rows go through the archive's triggers, which rebuild the search index, month counts and change counters.
/// </summary>
/// <remarks>
/// Accounts exported without their password hashes get the hash of a random password nobody knows: they keep their
/// role and enabled state but cannot sign in until <c>users set-password</c> gives them one.
/// </remarks>
public sealed class NdjsonImporter(SqliteConnectionFactory connections, IPasswordHasher<EditorAccount> hasher)
{
    // The insert triggers queue every published piece for a related list (011); those that came with one have it.
    private const string ClearImportedRelatedPendingSql = "DELETE FROM article_related_pending WHERE article_id IN (SELECT article_id FROM article_related)";

    private const string DeferForeignKeysSql = "PRAGMA defer_foreign_keys = ON";

    private const string FirstForeignKeyViolationSql = "SELECT \"table\", parent FROM pragma_foreign_key_check LIMIT 1";

    public async Task<ImportSummary> ImportAsync(Stream input, CancellationToken cancellationToken)
    {
        var lines = new NdjsonLineReader(input);
        if (!await lines.ReadAsync(cancellationToken))
        {
            throw new NdjsonImportException("The file is empty: an export starts with its header line.");
        }

        var known = NdjsonFormat.KnownSchema();
        var header = NdjsonHeader.Read(lines.Current, known);

        await using var connection = await connections.OpenAsync(cancellationToken);
        if (ArchiveSchemaCheck.Describe(ArchiveSchemaCheck.ListApplied(connection), known) is { } difference)
        {
            throw new NdjsonImportException($"The target archive's schema is not this app's: {difference}. Run 'migrate' on it first.");
        }

        RefuseUnlessEmpty(connection, ArchiveTables.ListExported(connection));
        TakeFile(connection);
        try
        {
            IReadOnlyDictionary<string, long> rows;
            int accountsWithoutPassword;
            await using (var transaction = connection.BeginTransaction())
            {
                using (var defer = new SqliteStatement(connection, DeferForeignKeysSql))
                {
                    // The file's order need not follow the foreign keys; they are checked once, before the commit.
                    defer.Execute();
                }

                var tables = ArchiveTables.ListExported(connection, transaction).ToDictionary(table => table.Name, StringComparer.Ordinal);
                ClearMigrationFilledTables(connection, tables.Values);
                var session = new ImportSession(connection, tables, header, hasher);
                try
                {
                    while (await lines.ReadAsync(cancellationToken))
                    {
                        session.ReadLine(lines.Current, lines.LineNumber);
                        if (lines.LineNumber % 10_000 == 0)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                        }
                    }

                    rows = session.Finish(lines.LineNumber);
                    accountsWithoutPassword = session.AccountsWithoutPassword;
                }
                finally
                {
                    session.Dispose();
                }

                RefuseDanglingReferences(connection);
                using (var listed = new SqliteStatement(connection, ClearImportedRelatedPendingSql))
                {
                    listed.Execute();
                }

                await transaction.CommitAsync(cancellationToken);
            }

            // The index was written as one segment per batch; one merge leaves it as the generator leaves its.
            BulkLoadSettings.OptimizeSearch(connection);
            return new ImportSummary(rows, accountsWithoutPassword);
        }
        finally
        {
            BulkLoadSettings.End(connection);
            await connection.CloseAsync();
            BulkLoadSettings.ForgetConnection(connections.ConnectionString);
        }
    }

    /// <summary>The file is this connection's alone while the rows go in (as for the generator); refused while the app has it open.</summary>
    private static void TakeFile(SqliteConnection connection)
    {
        try
        {
            BulkLoadSettings.Begin(connection);
        }
        catch (Exception ex) when (ex is InvalidOperationException or SqliteException)
        {
            throw new NdjsonImportException($"Cannot take {connection.DataSource} for the import: {ex.Message} Stop the app that serves it first.");
        }
    }

    private static void RefuseUnlessEmpty(SqliteConnection connection, IEnumerable<ArchiveTable> tables)
    {
        foreach (var table in tables.Where(table => !ArchiveTables.MigrationFilledTables.Contains(table.Name)))
        {
            using var any = new SqliteStatement(connection, $"SELECT EXISTS (SELECT 1 FROM main.{table.QuotedName})");
            if (any.Step() && any.ColumnInt64(0) != 0)
            {
                throw new NdjsonImportException(
                    $"The target archive is not empty (its table {table.Name} holds rows): an export is imported into an empty archive only. Use a new database file (--db PATH).");
            }
        }
    }

    /// <summary>The rows the migrations wrote (the sections) make way for the file's, in the import's transaction.</summary>
    private static void ClearMigrationFilledTables(SqliteConnection connection, IEnumerable<ArchiveTable> tables)
    {
        foreach (var table in tables.Where(table => ArchiveTables.MigrationFilledTables.Contains(table.Name)))
        {
            using var clear = new SqliteStatement(connection, $"DELETE FROM main.{table.QuotedName}");
            clear.Execute();
        }
    }

    private static void RefuseDanglingReferences(SqliteConnection connection)
    {
        using var check = new SqliteStatement(connection, FirstForeignKeyViolationSql);
        if (check.Step())
        {
            var table = Encoding.UTF8.GetString(check.ColumnBytes(0));
            var parent = Encoding.UTF8.GetString(check.ColumnBytes(1));
            throw new NdjsonImportException($"The file's rows do not hold together: a row of {table} refers to a row of {parent} that is not in the file. Nothing was imported.");
        }
    }

    /// <summary>The state of one import while its lines are read: the table being filled, the rows so far, the end line.</summary>
    private sealed class ImportSession(SqliteConnection connection, IReadOnlyDictionary<string, ArchiveTable> tables, NdjsonHeader header, IPasswordHasher<EditorAccount> hasher) : IDisposable
    {
        private readonly Dictionary<string, TableState> states = new(StringComparer.Ordinal);
        private TableState? current;
        private long? endRows;
        private long rows;
        private byte[] unescaped = new byte[64 * 1024];

        public int AccountsWithoutPassword { get; private set; }

        public void ReadLine(ReadOnlySpan<byte> line, long number)
        {
            if (endRows is not null)
            {
                throw Error(number, "there is more after the end line");
            }

            if (line.IsEmpty)
            {
                throw Error(number, "the line is empty");
            }

            var reader = new Utf8JsonReader(line);
            try
            {
                Expect(ref reader, JsonTokenType.StartObject, number, "a JSON object");
                Expect(ref reader, JsonTokenType.PropertyName, number, "\"table\" or \"end\"");
                if (reader.ValueTextEquals("table"u8))
                {
                    Expect(ref reader, JsonTokenType.String, number, "the table's name");
                    var state = StateFor(ref reader, number);
                    Expect(ref reader, JsonTokenType.PropertyName, number, "\"row\"");
                    if (!reader.ValueTextEquals("row"u8))
                    {
                        throw Error(number, "expected \"row\" after the table's name");
                    }

                    Expect(ref reader, JsonTokenType.StartObject, number, "the row as an object");
                    ReadRow(ref reader, state, number);
                }
                else if (reader.ValueTextEquals("end"u8))
                {
                    Expect(ref reader, JsonTokenType.StartObject, number, "{\"rows\": N}");
                    Expect(ref reader, JsonTokenType.PropertyName, number, "\"rows\"");
                    Expect(ref reader, JsonTokenType.Number, number, "the number of rows");
                    endRows = reader.TryGetInt64(out var count) && count >= 0 ? count : throw Error(number, "the end line's rows must be a whole number");
                    Expect(ref reader, JsonTokenType.EndObject, number, "the end of {\"rows\": N}");
                }
                else
                {
                    throw Error(number, "a line is {\"table\": …, \"row\": {…}} or the end line {\"end\": {\"rows\": N}}");
                }

                Expect(ref reader, JsonTokenType.EndObject, number, "the end of the line's object");
                if (reader.Read())
                {
                    throw Error(number, "there is more after the line's object");
                }
            }
            catch (JsonException ex)
            {
                throw Error(number, $"not valid JSON ({ex.Message})");
            }
        }

        /// <summary>Stores what is still staged; returns the rows per table. Throws when the file was cut short.</summary>
        public IReadOnlyDictionary<string, long> Finish(long lastLine)
        {
            if (endRows is null)
            {
                throw new NdjsonImportException($"The file ends at line {lastLine} without its end line: it is incomplete (an interrupted export?). Nothing was imported.");
            }

            if (endRows != rows)
            {
                throw new NdjsonImportException($"The end line says the file holds {endRows} rows, but it holds {rows}. Nothing was imported.");
            }

            current?.Writer.Flush();
            return states.ToDictionary(state => state.Key, state => state.Value.Writer.Rows, StringComparer.Ordinal);
        }

        public void Dispose()
        {
            foreach (var state in states.Values)
            {
                state.Writer.Dispose();
            }
        }

        private TableState StateFor(ref Utf8JsonReader reader, long number)
        {
            if (current is not null && reader.ValueTextEquals(current.NameBytes))
            {
                return current;
            }

            var name = reader.GetString()!;
            if (!tables.TryGetValue(name, out var table))
            {
                throw Error(number, ArchiveTables.DerivedTables.Contains(name)
                    ? $"table {name} is derived (the import rebuilds it), so an export does not hold its rows"
                    : $"this archive's schema has no table {name}");
            }

            // Rows of the table read before go in before this table's, in the file's order.
            current?.Writer.Flush();
            if (!states.TryGetValue(name, out var state))
            {
                state = new TableState(table, new StagedTableWriter(connection, table, states.Count));
                states.Add(name, state);
            }

            current = state;
            return state;
        }

        private void ReadRow(ref Utf8JsonReader reader, TableState state, long number)
        {
            var columns = state.Writer.Table.Columns;
            var seen = state.Seen;
            Array.Clear(seen);
            var row = state.Writer.Row;
            var expected = 0;
            while (true)
            {
                if (!reader.Read())
                {
                    throw Error(number, "the row is not closed");
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                // Columns come in schema order from the exporter, so the next one is tried first.
                var index = expected < columns.Count && reader.ValueTextEquals(state.ColumnNames[expected]) ? expected : state.IndexOf(ref reader);
                if (index < 0)
                {
                    throw Error(number, $"table {state.Name} has no column {reader.GetString()}");
                }

                if (seen[index])
                {
                    throw Error(number, $"column {columns[index]} appears twice");
                }

                seen[index] = true;
                expected = index + 1;
                if (!reader.Read())
                {
                    throw Error(number, $"column {columns[index]} has no value");
                }

                BindValue(ref reader, row, StagedTableWriter.Column(index), number, columns[index]);
            }

            for (var i = 0; i < columns.Count; i++)
            {
                if (seen[i])
                {
                    continue;
                }

                if (!header.WithPasswordHashes && NdjsonFormat.SecretColumns.GetValueOrDefault(state.Name) == columns[i])
                {
                    row.BindText(StagedTableWriter.Column(i), Encoding.UTF8.GetBytes(UnknownPasswordHash()));
                    AccountsWithoutPassword++;
                    continue;
                }

                throw Error(number, $"the {state.Name} row has no value for column {columns[i]}");
            }

            rows++;
            state.Writer.Add(number);
        }

        private void BindValue(ref Utf8JsonReader reader, SqliteStatement row, int parameter, long number, string column)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    row.BindNull(parameter);
                    break;
                case JsonTokenType.Number when reader.TryGetInt64(out var integer):
                    row.BindInt64(parameter, integer);
                    break;
                case JsonTokenType.Number when reader.TryGetDouble(out var real):
                    row.BindDouble(parameter, real);
                    break;
                case JsonTokenType.String:
                    row.BindText(parameter, Utf8Value(ref reader));
                    break;
                case JsonTokenType.StartObject:
                    {
                        Expect(ref reader, JsonTokenType.PropertyName, number, $"{{\"base64\": …}} for column {column}");
                        if (!reader.ValueTextEquals("base64"u8))
                        {
                            throw Error(number, $"column {column}: an object value must be {{\"base64\": \"…\"}}");
                        }

                        Expect(ref reader, JsonTokenType.String, number, $"the base64 text of column {column}");
                        if (!reader.TryGetBytesFromBase64(out var bytes))
                        {
                            throw Error(number, $"column {column}: the blob is not valid base64");
                        }

                        row.BindBlob(parameter, bytes);
                        Expect(ref reader, JsonTokenType.EndObject, number, $"the end of column {column}'s blob");
                        break;
                    }

                default:
                    throw Error(number, $"column {column}: {reader.TokenType} is not a value the archive stores (null, a number, a string or {{\"base64\": …}})");
            }
        }

        /// <summary>The string's UTF-8 bytes, unescaped when it has escapes (valid until the next string).</summary>
        private ReadOnlySpan<byte> Utf8Value(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped)
            {
                return reader.ValueSpan;
            }

            if (unescaped.Length < reader.ValueSpan.Length)
            {
                unescaped = new byte[Math.Max(reader.ValueSpan.Length, unescaped.Length * 2)];
            }

            var length = reader.CopyString(unescaped);
            return unescaped.AsSpan(0, length);
        }

        private string UnknownPasswordHash() => hasher.HashPassword(new EditorAccount(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, long number, string what)
        {
            if (!reader.Read() || reader.TokenType != type)
            {
                throw Error(number, $"expected {what}");
            }
        }

        private static NdjsonImportException Error(long number, string problem) =>
            new($"Line {number}: {problem}. Nothing was imported.");
    }

    /// <summary>A table's writer and what a row of it needs while it is read.</summary>
    private sealed class TableState(ArchiveTable table, StagedTableWriter writer)
    {
        public string Name => table.Name;

        public byte[] NameBytes { get; } = Encoding.UTF8.GetBytes(table.Name);

        public StagedTableWriter Writer => writer;

        public byte[][] ColumnNames { get; } = [.. table.Columns.Select(Encoding.UTF8.GetBytes)];

        public bool[] Seen { get; } = new bool[table.Columns.Count];

        public int IndexOf(ref Utf8JsonReader reader)
        {
            for (var i = 0; i < ColumnNames.Length; i++)
            {
                if (reader.ValueTextEquals(ColumnNames[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}

/// <summary>Rows imported per table, and how many accounts came without a password hash (they need <c>users set-password</c>).</summary>
public sealed record ImportSummary(IReadOnlyDictionary<string, long> Rows, int AccountsWithoutPassword)
{
    public long TotalRows => Rows.Values.Sum();

    public long Pieces => Rows.GetValueOrDefault("articles");
}
