using System.Text;
using EditorialArchive.Web.Reading;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EditorialArchive.Web.Generation;

/// <summary>
/// The search trigger's <c>archive_plain_text</c> and <c>archive_hangul_bigrams</c> on the generator's connection.
/// The worker that made a piece has already computed both with the app's functions, as UTF-8; the writer's thread
/// then only compares the argument's bytes with the piece's and hands SQLite the stored result, with no conversion
/// to and from .NET strings. Any other argument is computed as usual, so the index is the same either way.
/// </summary>
internal sealed class PrecomputedSearchText
{
    private readonly delegate_function_scalar plainText;
    private readonly delegate_function_scalar hangulBigrams;

    public PrecomputedSearchText()
    {
        plainText = (context, _, args) => Answer(context, args[0], Current?.Markdown, Current?.PlainText, SearchText.PlainTextOfMarkdown);
        hangulBigrams = (context, _, args) => Answer(context, args[0], Current?.GramsInput, Current?.Grams, HangulBigrams.Of);
    }

    /// <summary>The piece being inserted, or null.</summary>
    public SearchTextOfPiece? Current { get; set; }

    public void Register(SqliteConnection connection)
    {
        const int flags = raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC;
        Check(raw.sqlite3_create_function(connection.Handle, "archive_plain_text", 1, flags, null, plainText), connection);
        Check(raw.sqlite3_create_function(connection.Handle, "archive_hangul_bigrams", 1, flags, null, hangulBigrams), connection);
    }

    private static void Answer(sqlite3_context context, sqlite3_value argument, byte[]? input, byte[]? output, Func<string?, string> compute)
    {
        try
        {
            var type = raw.sqlite3_value_type(argument);
            if (input is not null && output is not null && type == raw.SQLITE_TEXT && raw.sqlite3_value_blob(argument).SequenceEqual(input))
            {
                raw.sqlite3_result_text(context, output);
                return;
            }

            var text = type == raw.SQLITE_NULL ? null : raw.sqlite3_value_text(argument).utf8_to_string();
            raw.sqlite3_result_text(context, compute(text));
        }
        catch (Exception ex)
        {
            // An exception must not cross into SQLite: it fails the statement instead.
            raw.sqlite3_result_error(context, ex.Message);
        }
    }

    private static void Check(int result, SqliteConnection connection)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"Could not register a search function on {connection.DataSource}: {raw.sqlite3_errstr(result).utf8_to_string()}");
        }
    }
}

/// <summary>One piece's search text as the trigger's functions take and give it, in UTF-8.</summary>
internal sealed record SearchTextOfPiece(byte[] Markdown, byte[] PlainText, byte[] GramsInput, byte[] Grams)
{
    public static SearchTextOfPiece Of(string markdown, string plainText, string gramsInput, string grams) => new(
        Encoding.UTF8.GetBytes(markdown), Encoding.UTF8.GetBytes(plainText), Encoding.UTF8.GetBytes(gramsInput), Encoding.UTF8.GetBytes(grams));
}
