using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EditorialArchive.Web.Data;

/// <summary>
/// <c>archive_rank(article_search, phrase_hits)</c>: FTS5's own bm25 (k1 = 1.2, b = 0.75, the column weights of migration
/// 003) with each phrase's document count supplied by the caller instead of counted. FTS5's bm25 counts them by reading
/// every posting of every phrase on the first row of a query: a common word's list in a million pieces is half a
/// million entries (100–700 ms), however few rows are then ranked. <c>phrase_hits</c> is a blob of one
/// little-endian double per phrase of the MATCH expression, in its order (see <see cref="SearchRepository"/>); missing
/// counts weigh all phrases alike, which for one phrase orders rows exactly as bm25 does.
/// </summary>
/// <remarks>
/// FTS5 auxiliary functions have no managed API: the function is registered through the C interface of the bundled
/// SQLite (<c>fts5_api.xCreateFunction</c>, reached with <c>SELECT fts5(?1)</c> and <c>sqlite3_bind_pointer</c>),
/// once per native connection (pooled connections keep it). The struct offsets follow fts5.h, whose members are only
/// ever appended.
/// </remarks>
public static unsafe partial class SearchRankFunction
{
    public const string Name = "archive_rank";

    /// <summary>Column weights of <c>article_search</c> (headline, byline, body, grams), as its configured rank.</summary>
    private static readonly double[] ColumnWeights = [8.0, 4.0, 1.0, 1.0];

    private const double K1 = 1.2;
    private const double B = 0.75;

    private static readonly ConditionalWeakTable<sqlite3, object> Registered = [];
    private static readonly byte* Fts5ApiPointerType = (byte*)Marshal.StringToHGlobalAnsi("fts5_api_ptr");
    private static readonly byte* FunctionName = (byte*)Marshal.StringToHGlobalAnsi(Name);
    private static readonly byte* GetApiSql = (byte*)Marshal.StringToHGlobalAnsi("SELECT fts5(?1)");

    /// <summary>Makes the function known to <paramref name="connection"/>'s native connection, unless it already is.</summary>
    public static void Register(SqliteConnection connection)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (Registered.TryGetValue(handle, out _))
        {
            return;
        }

        lock (Registered)
        {
            if (Registered.TryGetValue(handle, out _))
            {
                return;
            }

            var db = handle.DangerousGetHandle();
            Fts5Api* api = null;
            IntPtr statement;
            Check(db, NativeMethods.sqlite3_prepare_v2(db, GetApiSql, -1, out statement, IntPtr.Zero));
            try
            {
                Check(db, NativeMethods.sqlite3_bind_pointer(statement, 1, &api, Fts5ApiPointerType, IntPtr.Zero));
                NativeMethods.sqlite3_step(statement);
            }
            finally
            {
                NativeMethods.sqlite3_finalize(statement);
            }

            if (api is null || api->Version < 2)
            {
                throw new InvalidOperationException("The bundled SQLite has no FTS5 API.");
            }

            Check(db, api->CreateFunction(api, FunctionName, IntPtr.Zero, &Rank, IntPtr.Zero));
            Registered.Add(handle, Name);
        }
    }

    private static void Check(IntPtr db, int code)
    {
        if (code != 0)
        {
            throw new SqliteException($"Registering {Name} failed: {Marshal.PtrToStringUTF8(NativeMethods.sqlite3_errmsg(db))}", code);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rank(Fts5ExtensionApi* api, IntPtr fts, IntPtr context, int valueCount, IntPtr* values)
    {
        try
        {
            var phrases = api->PhraseCount(fts);
            ReadOnlySpan<byte> hitsBlob = default;
            if (valueCount > 0)
            {
                var length = NativeMethods.sqlite3_value_bytes(values[0]);
                if (length > 0)
                {
                    hitsBlob = new ReadOnlySpan<byte>(NativeMethods.sqlite3_value_blob(values[0]), length);
                }
            }

            long rows, totalTokens;
            int rowTokens;
            if (api->RowCount(fts, &rows) != 0 || api->ColumnTotalSize(fts, -1, &totalTokens) != 0
                || api->ColumnSize(fts, -1, &rowTokens) != 0)
            {
                NativeMethods.sqlite3_result_error(context, "archive_rank: FTS5 statistics unavailable", -1);
                return;
            }

            int count;
            if (api->InstCount(fts, &count) != 0)
            {
                NativeMethods.sqlite3_result_error(context, "archive_rank: FTS5 instances unavailable", -1);
                return;
            }

            Span<double> frequency = phrases <= 32 ? stackalloc double[phrases] : new double[phrases];
            frequency.Clear();
            for (var i = 0; i < count; i++)
            {
                int phrase, column, offset;
                if (api->Inst(fts, i, &phrase, &column, &offset) == 0 && phrase >= 0 && phrase < phrases)
                {
                    frequency[phrase] += column >= 0 && column < ColumnWeights.Length ? ColumnWeights[column] : 1.0;
                }
            }

            var averageLength = rows > 0 ? (double)totalTokens / rows : 1.0;
            var lengthNorm = K1 * (1 - B + (B * rowTokens / Math.Max(averageLength, 1e-9)));
            var score = 0.0;
            for (var p = 0; p < phrases; p++)
            {
                var idf = 1.0;
                if ((p + 1) * sizeof(double) <= hitsBlob.Length)
                {
                    var hits = BitConverter.ToDouble(hitsBlob.Slice(p * sizeof(double), sizeof(double)));
                    idf = InverseDocumentFrequency(rows, hits);
                }

                score += idf * (frequency[p] * (K1 + 1.0) / (frequency[p] + lengthNorm));
            }

            NativeMethods.sqlite3_result_double(context, -score);
        }
        catch (Exception)
        {
            // Nothing may unwind into SQLite; the statement fails with this message instead.
            NativeMethods.sqlite3_result_error(context, "archive_rank failed", -1);
        }
    }

    /// <summary>bm25's IDF as FTS5 computes it, floored at a tiny positive weight for words in over half the rows.</summary>
    internal static double InverseDocumentFrequency(long rows, double hits)
    {
        var idf = Math.Log((rows - hits + 0.5) / (hits + 0.5));
        return idf <= 0.0 ? 1e-6 : idf;
    }

    /// <summary>The phrase counts as the blob <c>archive_rank</c> reads.</summary>
    public static byte[] EncodeHits(IReadOnlyList<double> hits)
    {
        var blob = new byte[hits.Count * sizeof(double)];
        for (var i = 0; i < hits.Count; i++)
        {
            BitConverter.TryWriteBytes(blob.AsSpan(i * sizeof(double)), hits[i]);
        }

        return blob;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5Api
    {
        public int Version;
        public IntPtr CreateTokenizer;
        public IntPtr FindTokenizer;
        public delegate* unmanaged[Cdecl]<Fts5Api*, byte*, IntPtr, delegate* unmanaged[Cdecl]<Fts5ExtensionApi*, IntPtr, IntPtr, int, IntPtr*, void>, IntPtr, int> CreateFunction;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5ExtensionApi
    {
        public int Version;
        public IntPtr UserData;
        public IntPtr ColumnCount;
        public delegate* unmanaged[Cdecl]<IntPtr, long*, int> RowCount;
        public delegate* unmanaged[Cdecl]<IntPtr, int, long*, int> ColumnTotalSize;
        public IntPtr Tokenize;
        public delegate* unmanaged[Cdecl]<IntPtr, int> PhraseCount;
        public IntPtr PhraseSize;
        public delegate* unmanaged[Cdecl]<IntPtr, int*, int> InstCount;
        public delegate* unmanaged[Cdecl]<IntPtr, int, int*, int*, int*, int> Inst;
        public IntPtr Rowid;
        public IntPtr ColumnText;
        public delegate* unmanaged[Cdecl]<IntPtr, int, int*, int> ColumnSize;
    }

    private static partial class NativeMethods
    {
        private const string Library = "e_sqlite3";

        [LibraryImport(Library)]
        public static partial int sqlite3_prepare_v2(IntPtr db, byte* sql, int length, out IntPtr statement, IntPtr tail);

        [LibraryImport(Library)]
        public static partial int sqlite3_bind_pointer(IntPtr statement, int index, void* pointer, byte* type, IntPtr destructor);

        [LibraryImport(Library)]
        public static partial int sqlite3_step(IntPtr statement);

        [LibraryImport(Library)]
        public static partial int sqlite3_finalize(IntPtr statement);

        [LibraryImport(Library)]
        public static partial IntPtr sqlite3_errmsg(IntPtr db);

        [LibraryImport(Library)]
        public static partial int sqlite3_value_bytes(IntPtr value);

        [LibraryImport(Library)]
        public static partial void* sqlite3_value_blob(IntPtr value);

        [LibraryImport(Library)]
        public static partial void sqlite3_result_double(IntPtr context, double value);

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial void sqlite3_result_error(IntPtr context, string message, int length);
    }
}
