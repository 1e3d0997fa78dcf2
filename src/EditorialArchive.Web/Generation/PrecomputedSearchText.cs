using System.Text;
using EditorialArchive.Web.Reading;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EditorialArchive.Web.Generation;

/// <summary>
/// The search trigger's <c>archive_plain_text</c> and <c>archive_hangul_bigrams</c> on the generator's connection.
/// The workers that made a batch have already computed both for every piece with the app's functions, as UTF-8; the
/// writer's thread then only compares the argument's bytes with the next expected piece's and hands SQLite the stored
/// result, with no conversion to and from .NET strings. The trigger meets the pieces in the order they are expected;
/// any other argument is computed as usual, so the index is the same either way.
/// </summary>
internal sealed class PrecomputedSearchText
{
    private readonly delegate_function_scalar plainText;
    private readonly delegate_function_scalar hangulBigrams;
    private SearchTextOfPiece[] expected = [];
    private int nextPlainText;
    private int nextBigrams;

    public PrecomputedSearchText()
    {
        plainText = (context, _, args) => Answer(context, args[0], ref nextPlainText, piece => piece.Markdown, piece => piece.PlainText, SearchText.PlainTextOfMarkdown);
        hangulBigrams = (context, _, args) => Answer(context, args[0], ref nextBigrams, piece => piece.GramsInput, piece => piece.Grams, HangulBigrams.Of);
    }

    /// <summary>The pieces about to be inserted, in order (empty when none).</summary>
    public void Expect(SearchTextOfPiece[] pieces)
    {
        expected = pieces;
        nextPlainText = 0;
        nextBigrams = 0;
    }

    public void Register(SqliteConnection connection)
    {
        const int flags = raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC;
        Check(raw.sqlite3_create_function(connection.Handle, "archive_plain_text", 1, flags, null, plainText), connection);
        Check(raw.sqlite3_create_function(connection.Handle, "archive_hangul_bigrams", 1, flags, null, hangulBigrams), connection);
    }

    private void Answer(sqlite3_context context, sqlite3_value argument, ref int next, Func<SearchTextOfPiece, byte[]> input, Func<SearchTextOfPiece, byte[]> output, Func<string?, string> compute)
    {
        try
        {
            var type = raw.sqlite3_value_type(argument);
            if (next < expected.Length && type == raw.SQLITE_TEXT && raw.sqlite3_value_blob(argument).SequenceEqual(input(expected[next])))
            {
                raw.sqlite3_result_text(context, output(expected[next]));
                next++;
                return;
            }

            // The newest pieces' index (migration 015) asks again for the piece just answered.
            if (next > 0 && next <= expected.Length && type == raw.SQLITE_TEXT && raw.sqlite3_value_blob(argument).SequenceEqual(input(expected[next - 1])))
            {
                raw.sqlite3_result_text(context, output(expected[next - 1]));
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
