using System.Buffers;
using System.Text.Json;
using EditorialArchive.Web.Data;
using SQLitePCL;

namespace EditorialArchive.Web.Export;

/// <summary>
/// Writes the whole archive as NDJSON (<see cref="NdjsonFormat"/>): every exported table (<see cref="ArchiveTables"/>),
/// rows in primary-key order, read in one read transaction so the file is one consistent state even while the app
/// writes. Rows stream from SQLite to the output through a buffer of about a megabyte: memory stays flat whatever the
/// archive's size.
/// </summary>
public sealed class NdjsonExporter(SqliteConnectionFactory connections)
{
    private const int FlushBytes = 1 << 20;

    public async Task<ExportSummary> ExportAsync(Stream output, bool withAccounts, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Deferred: the snapshot is taken at the first read and held to the end (WAL lets writers go on meanwhile).
        await using var transaction = connection.BeginTransaction(deferred: true);
        var applied = ArchiveSchemaCheck.ListApplied(connection);
        if (ArchiveSchemaCheck.Describe(applied, NdjsonFormat.KnownSchema()) is { } difference)
        {
            throw new NdjsonImportException($"This archive's schema is not this app's: {difference}. Run 'migrate' first, or export with the app that made it.");
        }

        var tables = ArchiveTables.ListExported(connection, transaction);
        var buffer = new ArrayBufferWriter<byte>(2 * FlushBytes);
        using var json = new Utf8JsonWriter(buffer, NdjsonFormat.WriterOptions);
        WriteHeader(json, buffer, applied, withAccounts);
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var columns = table.Columns
                .Where(column => withAccounts || NdjsonFormat.SecretColumns.GetValueOrDefault(table.Name) != column)
                .ToList();
            var names = columns.Select(column => JsonEncodedText.Encode(column, NdjsonFormat.WriterOptions.Encoder)).ToArray();
            var tableName = JsonEncodedText.Encode(table.Name, NdjsonFormat.WriterOptions.Encoder);
            var sql = $"SELECT {string.Join(", ", columns.Select(ArchiveTable.Quote))} FROM main.{table.QuotedName} ORDER BY {string.Join(", ", table.OrderBy)}";
            using var statement = new SqliteStatement(connection, sql);
            long count = 0;
            while (statement.Step())
            {
                json.WriteStartObject();
                json.WriteString("table"u8, tableName);
                json.WriteStartObject("row"u8);
                for (var i = 0; i < names.Length; i++)
                {
                    json.WritePropertyName(names[i]);
                    WriteValue(json, statement, i);
                }

                json.WriteEndObject();
                json.WriteEndObject();
                EndLine(json, buffer);
                count++;
                if (buffer.WrittenCount >= FlushBytes)
                {
                    await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                    buffer.ResetWrittenCount();
                }
            }

            rows[table.Name] = count;
        }

        json.WriteStartObject();
        json.WriteStartObject("end"u8);
        json.WriteNumber("rows"u8, rows.Values.Sum());
        json.WriteEndObject();
        json.WriteEndObject();
        EndLine(json, buffer);
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return new ExportSummary(rows);
    }

    private static void WriteHeader(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, IReadOnlyList<string> schema, bool withAccounts)
    {
        json.WriteStartObject();
        json.WriteString("format"u8, NdjsonFormat.Name);
        json.WriteNumber("version"u8, NdjsonFormat.Version);
        json.WriteStartArray("schema"u8);
        foreach (var name in schema)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteString("accounts"u8, withAccounts ? NdjsonFormat.WithPasswordHashes : NdjsonFormat.WithoutPasswordHashes);
        json.WriteEndObject();
        EndLine(json, buffer);
    }

    private static void WriteValue(Utf8JsonWriter json, SqliteStatement statement, int column)
    {
        switch (statement.ColumnType(column))
        {
            case raw.SQLITE_INTEGER:
                json.WriteNumberValue(statement.ColumnInt64(column));
                break;
            case raw.SQLITE_FLOAT:
                // Shortest text that reads back as the same double.
                json.WriteNumberValue(statement.ColumnDouble(column));
                break;
            case raw.SQLITE_TEXT:
                json.WriteStringValue(statement.ColumnBytes(column));
                break;
            case raw.SQLITE_BLOB:
                json.WriteStartObject();
                json.WriteBase64String("base64"u8, statement.ColumnBytes(column));
                json.WriteEndObject();
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }

    private static void EndLine(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer)
    {
        json.Flush();
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        json.Reset();
    }
}

/// <summary>Rows written per table.</summary>
public sealed record ExportSummary(IReadOnlyDictionary<string, long> Rows)
{
    public long TotalRows => Rows.Values.Sum();

    public long Pieces => Rows.GetValueOrDefault("articles");
}
