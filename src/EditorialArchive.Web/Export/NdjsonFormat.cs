using System.Text.Encodings.Web;
using System.Text.Json;
using EditorialArchive.Web.Data;

namespace EditorialArchive.Web.Export;

/// <summary>
/// The archive's NDJSON export, version 1: a header line, one line per row of every exported table, an end line.
/// <code>
/// {"format":"editorial-archive-ndjson","version":1,"schema":["001_articles.sql",…],"accounts":"without-password-hashes"}
/// {"table":"articles","row":{"id":1,"slug":"…",…}}
/// {"end":{"rows":1234}}
/// </code>
/// Row keys are the table's columns in schema order; values are JSON numbers (SQLite integers and reals), strings
/// (text), null, or <c>{"base64":"…"}</c> (blobs). The same archive always gives the same bytes.
/// </summary>
public static class NdjsonFormat
{
    public const string Name = "editorial-archive-ndjson";
    public const int Version = 1;
    public const string WithPasswordHashes = "with-password-hashes";
    public const string WithoutPasswordHashes = "without-password-hashes";

    /// <summary>Columns an export leaves out unless it is asked for accounts' secrets (<c>--with-accounts</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> SecretColumns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["users"] = "password_hash",
    };

    /// <summary>
    /// Korean text stays readable UTF-8 instead of \uXXXX escapes (a third of the size); the relaxed encoder is safe
    /// here because the file is data, never embedded in HTML. Quotes, backslashes and control characters are escaped.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The schema this app writes and reads: the names of its migrations, in order.</summary>
    public static IReadOnlyList<string> KnownSchema() => [.. Migration.LoadEmbedded().Select(migration => migration.Name)];
}

/// <summary>A file the importer cannot take, or an archive it must not write to; the message says which and why.</summary>
public sealed class NdjsonImportException(string message) : Exception(message);
