using System.Diagnostics;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Reading;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Generation;

/// <summary>
/// Fills an empty archive with generated pieces for load tests: English and Korean, 400–1,200 words, posted over
/// 25 years, in every section, columns and op-eds with bylines, counterpart pairs and some edited pieces with their
/// revisions. Text is made on worker threads (Markdown rendered by the app's renderer, search text by the app's
/// functions); one writer inserts each batch in one transaction (the pieces by one statement, see
/// <see cref="BulkArticleWriter"/>) with every trigger active, under <see cref="BulkLoadSettings"/> (undone at the end,
/// after one merge of the search index).
/// </summary>
public sealed class ArchiveGenerator(SqliteConnectionFactory connections, MarkdownRenderer markdown, TimeProvider clock, int batchSize = ArchiveGenerator.DefaultBatchSize)
{
    /// <summary>
    /// Pieces per transaction: each batch's tokens become one search-index segment at its commit. Larger batches
    /// measured slower (at 100,000 pieces: 2,000 took 49 s, 10,000 took 58 s, 25,000 took 75 s, for the memory they hold).
    /// </summary>
    public const int DefaultBatchSize = 2_000;
    private static readonly string[] SectionSlugs = ["editorial", "column", "op-ed", "letters"];

    /// <summary>Writes <paramref name="count"/> pieces; reports the number written after each batch, then the finishing steps.</summary>
    public async Task<long> GenerateAsync(long count, int seed, GenerationProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        long written;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            using (var check = connection.CreateCommand())
            {
                check.CommandText = "SELECT EXISTS (SELECT 1 FROM articles)";
                if ((long)check.ExecuteScalar()! != 0)
                {
                    throw new ArgumentException("The database already holds pieces; generate fills an empty archive (use a new --db path).");
                }
            }

            var searchText = new PrecomputedSearchText();
            searchText.Register(connection);
            // The archive is empty, so the last id is the count: only the newest pieces go into the fragment index.
            ArchiveSqlFunctions.RegisterRecentSearchFloor(connection, count - SearchRepository.RecentPieces);
            BulkLoadSettings.Begin(connection);
            try
            {
                written = await WriteAllAsync(connection, searchText, count, seed, progress, cancellationToken);
                // Every published piece got its related list as it was written (GeneratedRelatedPieces).
                using (var clear = connection.CreateCommand())
                {
                    clear.CommandText = "DELETE FROM article_related_pending";
                    clear.ExecuteNonQuery();
                }

                progress?.Phase("merging the search index into one segment");
                BulkLoadSettings.OptimizeSearch(connection);
            }
            finally
            {
                BulkLoadSettings.End(connection);
            }
        }

        BulkLoadSettings.ForgetConnection(connections.ConnectionString);
        progress?.Phase(null);
        return written;
    }

    private async Task<long> WriteAllAsync(SqliteConnection connection, PrecomputedSearchText searchText, long count, int seed, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var sections = BulkArticleWriter.ListSections(connection);
        var end = clock.GetUtcNow().AddDays(-1);
        var plan = new GenerationPlan(count, seed, end.AddYears(-25), end, sections);
        var batches = (int)((count + batchSize - 1) / batchSize);
        var lookahead = Math.Max(2, Environment.ProcessorCount * 2);
        var pending = new Queue<Task<GeneratedPiece[]>>();
        var next = 0;
        void Schedule()
        {
            while (next < batches && pending.Count < lookahead)
            {
                var batch = next++;
                pending.Enqueue(Task.Run(() => MakeBatch(plan, batch), cancellationToken));
            }
        }

        long written = 0;
        var related = new GeneratedRelatedPieces(RelatedPiecesRefresh.RelatedCount);
        using var writer = new BulkArticleWriter(connection);
        Schedule();
        while (pending.Count > 0)
        {
            var pieces = await pending.Dequeue();
            Schedule();
            using var transaction = connection.BeginTransaction();
            writer.Enlist(transaction);
            Write(writer, pieces, searchText, related);
            transaction.Commit();
            written += pieces.Length;
            progress?.Report(written);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return written;
    }

    private static void Write(BulkArticleWriter writer, GeneratedPiece[] pieces, PrecomputedSearchText searchText, GeneratedRelatedPieces related)
    {
        searchText.Expect(Array.ConvertAll(pieces, piece => piece.SearchText));
        var firstId = writer.InsertArticles(Array.ConvertAll(pieces, piece => piece.Row));
        searchText.Expect([]);
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = pieces[i];
            var id = firstId + i;
            if (piece.Row.Status == ArticleStatus.Published)
            {
                writer.InsertRelated(id, related.Next(id, piece.Row.Language, piece.Row.Headline));
            }

            long? counterpartId = null;
            if (piece.PairsWithPrevious)
            {
                var previous = pieces[i - 1];
                var previousId = id - 1;
                writer.LinkTranslations(id, piece.Row.Language, previousId, previous.Row.Language);
                counterpartId = previousId;
                if (previous.EarlierBody is not null)
                {
                    // The earlier piece's latest revision names its counterpart only once the pair exists.
                    writer.InsertRevision(previousId, previous.Row, 2, previous.Row.ModifiedAt, previous.SectionSlug, previous.Row.BodyMarkdown, id);
                }
            }

            if (piece.EarlierBody is not null)
            {
                // Edited once at the desk: its first state (kept as revision 1) and the edit (revision 2).
                writer.InsertRevision(id, piece.Row, 1, piece.Row.CreatedAt, piece.SectionSlug, piece.EarlierBody, counterpartId);
                var pairedNext = i + 1 < pieces.Length && pieces[i + 1].PairsWithPrevious;
                if (!pairedNext)
                {
                    writer.InsertRevision(id, piece.Row, 2, piece.Row.ModifiedAt, piece.SectionSlug, piece.Row.BodyMarkdown, counterpartId);
                }
            }
        }
    }

    private GeneratedPiece[] MakeBatch(GenerationPlan plan, int batch)
    {
        var first = (long)batch * batchSize;
        var size = (int)Math.Min(batchSize, plan.Count - first);
        // Not HashCode.Combine: its hashes differ from process to process, and the same --seed must make the same archive.
        var random = new Random(unchecked((plan.Seed * 1_000_003) + batch));
        var pieces = new GeneratedPiece[size];
        for (var j = 0; j < size; j++)
        {
            var index = first + j;
            var posted = plan.Start + (plan.End - plan.Start) * ((double)index / plan.Count) + TimeSpan.FromMinutes(random.Next(0, 600));
            // A pair is one piece in both languages, posted together; the Korean original first.
            var pairsWithPrevious = j > 0 && !pieces[j - 1].PairsWithPrevious && pieces[j - 1].Row.Language == Languages.Korean
                && pieces[j - 1].Row.Status == ArticleStatus.Published && random.Next(100) < 60;
            pieces[j] = pairsWithPrevious
                ? MakePiece(plan, random, Languages.English, pieces[j - 1].SectionSlug, pieces[j - 1], posted)
                : MakePiece(plan, random, random.Next(2) == 0 ? Languages.Korean : Languages.English, PickSection(random), null, posted);
        }

        return pieces;
    }

    private GeneratedPiece MakePiece(GenerationPlan plan, Random random, string language, string sectionSlug, GeneratedPiece? original, DateTimeOffset posted)
    {
        var korean = language == Languages.Korean;
        var headline = korean ? GeneratedText.KoreanHeadline(random) : GeneratedText.EnglishHeadline(random);
        string? byline = null;
        if (sectionSlug is "column" or "op-ed" or "letters")
        {
            var index = random.Next(GeneratedWords.KoreanBylines.Length);
            byline = korean ? GeneratedWords.KoreanBylines[index] : GeneratedWords.EnglishBylines[index];
        }

        if (original is not null)
        {
            // A counterpart is the same piece translated: same section, same writer, posted together.
            byline = original.Row.Byline is null ? null : GeneratedWords.EnglishBylines[Array.IndexOf(GeneratedWords.KoreanBylines, original.Row.Byline)];
            posted = DateTimeOffset.Parse(original.Row.PostedAt!, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(random.Next(5, 90));
        }

        var words = random.Next(400, 1_201);
        var body = korean ? GeneratedText.KoreanBody(random, words) : GeneratedText.EnglishBody(random, words);
        var draft = original is null && random.Next(500) == 0;
        string? earlierBody = null;
        var created = UtcInstant.Format(posted);
        var modified = created;
        var version = 1;
        if (!draft && random.Next(50) == 0)
        {
            // Edited after publication: a paragraph was added; updated_at is when.
            earlierBody = body;
            body += "\n\n" + (korean ? GeneratedText.KoreanBody(random, 40) : GeneratedText.EnglishBody(random, 40));
            modified = UtcInstant.Format(posted.AddHours(random.Next(1, 24 * 30)));
            version = 2;
        }

        var row = new BulkArticle(
            Slug: SlugGenerator.FromHeadline(headline),
            Language: language,
            Headline: headline,
            SectionId: plan.Sections[sectionSlug],
            Byline: byline,
            BodyMarkdown: body,
            BodyHtml: markdown.RenderHtml(body),
            Status: draft ? ArticleStatus.Draft : ArticleStatus.Published,
            PostedAt: draft ? null : created,
            UpdatedAt: draft ? null : modified,
            CreatedAt: created,
            ModifiedAt: modified,
            Version: version);
        var plain = SearchText.PlainTextOfMarkdown(body);
        var gramsInput = SearchText.Normalize(headline) + "\n" + SearchText.Normalize(byline) + "\n" + plain;
        return new GeneratedPiece(row, sectionSlug, original is not null, earlierBody, SearchTextOfPiece.Of(body, plain, gramsInput, HangulBigrams.Of(gramsInput)));
    }

    private static string PickSection(Random random) => random.Next(100) switch
    {
        < 40 => SectionSlugs[0],
        < 75 => SectionSlugs[1],
        < 95 => SectionSlugs[2],
        _ => SectionSlugs[3],
    };

    private sealed record GenerationPlan(long Count, int Seed, DateTimeOffset Start, DateTimeOffset End, Dictionary<string, long> Sections);

    private sealed record GeneratedPiece(
        BulkArticle Row, string SectionSlug, bool PairsWithPrevious, string? EarlierBody, SearchTextOfPiece SearchText);
}

/// <summary>A carriage-return progress line with the rate and the time left, then a line per finishing step with its time.</summary>
public sealed class GenerationProgress(long total) : IProgress<long>
{
    private readonly Stopwatch stopwatch = Stopwatch.StartNew();
    private long lastPrinted;
    private string? phase;
    private TimeSpan phaseStart;

    /// <summary>A finishing step begins (or, with null, the last one has ended).</summary>
    public void Phase(string? what)
    {
        if (phase is not null)
        {
            Console.WriteLine($"{phase}: {(stopwatch.Elapsed - phaseStart).TotalSeconds:F1} s");
        }

        phase = what;
        phaseStart = stopwatch.Elapsed;
    }

    public TimeSpan Elapsed => stopwatch.Elapsed;

    public void Report(long value)
    {
        var seconds = Math.Max(0.001, stopwatch.Elapsed.TotalSeconds);
        var rate = value / seconds;
        var left = rate > 0 ? TimeSpan.FromSeconds((total - value) / rate) : TimeSpan.Zero;
        var line = $"{value,12:N0} / {total:N0} pieces  {100.0 * value / total,5:F1}%  {rate,8:N0} pieces/s  elapsed {stopwatch.Elapsed:mm\\:ss}  left {left:mm\\:ss}";
        if (!Console.IsOutputRedirected)
        {
            Console.Write("\r" + line);
            if (value == total)
            {
                Console.WriteLine();
            }
        }
        else if (value == total || value - lastPrinted >= Math.Max(1, total / 20))
        {
            Console.WriteLine(line);
            lastPrinted = value;
        }
    }
}
