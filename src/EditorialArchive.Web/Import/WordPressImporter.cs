using System.Threading.Channels;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Generation;
using EditorialArchive.Web.Hosting;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Import;

/// <summary>
/// <c>import wordpress FILE.xml</c>: a WordPress export into the archive, in one transaction (a malformed file, a
/// cancelled run or a dry run leaves the archive as it was). Items are read one at a time; new pieces are stored a
/// batch at a time through <see cref="BulkArticleWriter"/> (one statement per batch for the search index), and each
/// item is recorded in <c>import_sources</c> with its hash, so a second import of the same file changes nothing and a
/// newer file updates what changed, as a new revision, unless an editor changed the piece since (a conflict warning).
/// </summary>
public sealed class WordPressImporter(
    SqliteConnectionFactory connections,
    ArticleRevisionRepository revisions,
    ArticleDeskRepository desk,
    MarkdownRenderer markdown,
    ArchivePageCache pageCache,
    TimeProvider clock)
{
    /// <summary>The revisions an import writes name this actor.</summary>
    public const string Actor = "wordpress-import";

    private const int BatchSize = 500;

    /// <summary>Imports the export; <paramref name="progress"/> is called after every item with the number of items read.</summary>
    public async Task<WordPressImportReport> ImportAsync(Stream input, WordPressImportOptions options, Action<int>? progress, CancellationToken cancellationToken)
    {
        var report = new WordPressImportReport { DryRun = options.DryRun };
        var mapper = new WordPressPostMapper(options, report);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var sections = BulkArticleWriter.ListSections(connection);
        foreach (var section in options.SectionMap.Values.Append(options.DefaultSection).Distinct(StringComparer.Ordinal))
        {
            if (!sections.ContainsKey(section))
            {
                throw new ArgumentException($"There is no section '{section}' (sections: {string.Join(", ", sections.Keys.Order(StringComparer.Ordinal))}).");
            }
        }

        // Into an empty archive (a first import into a new file) the import takes the file alone under the generator's
        // bulk-load settings, as 'import ndjson' does; when the app has the file open it goes on without them.
        var bulk = !options.DryRun && CountArticles(connection) == 0 && TryTakeFile(connection);
        try
        {
            await ImportCoreAsync(connection, input, options, mapper, sections, report, progress, cancellationToken);
            if (bulk)
            {
                BulkLoadSettings.OptimizeSearch(connection);
            }
        }
        finally
        {
            if (bulk)
            {
                BulkLoadSettings.End(connection);
                await connection.CloseAsync();
                BulkLoadSettings.ForgetConnection(connections.ConnectionString);
            }
        }

        if (!options.DryRun)
        {
            await pageCache.EvictAsync();
        }

        return report;
    }

    private static long CountArticles(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM (SELECT 1 FROM articles LIMIT 1)";
        return (long)command.ExecuteScalar()!;
    }

    private static bool TryTakeFile(SqliteConnection connection)
    {
        try
        {
            BulkLoadSettings.Begin(connection);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or SqliteException)
        {
            return false;
        }
    }

    private async Task ImportCoreAsync(
        SqliteConnection connection, Stream input, WordPressImportOptions options, WordPressPostMapper mapper, Dictionary<string, long> sections,
        WordPressImportReport report, Action<int>? progress, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction();
        using var articles = new BulkArticleWriter(connection);
        using var sources = new ImportSourceWriter(connection);
        articles.Enlist(transaction);
        sources.Enlist(transaction);
        var now = UtcInstant.Format(clock.GetUtcNow());
        var pending = new List<(ImportedPiece Piece, string BodyHtml)>(BatchSize);

        // Two stages on two threads: reading, converting and rendering the posts; and the database writes, which are
        // the other half of the work and must stay on this connection. The channel holds a bounded number of posts.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<MappedItem>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadAsync(input, mapper, channel.Writer, stop.Token), stop.Token);
        string? source = null;
        try
        {
            await foreach (var mapped in channel.Reader.ReadAllAsync(stop.Token))
            {
                source ??= mapped.Source;
                report.Items++;
                switch (mapped.Result)
                {
                    case ImportedPiece piece when sources.FindImported(source, piece.SourceId) is { } existing:
                        await UpdateAsync(transaction, sources, existing, piece, mapped.BodyHtml!, report, now, cancellationToken);
                        break;
                    case ImportedPiece piece:
                        pending.Add((piece, mapped.BodyHtml!));
                        if (pending.Count == BatchSize)
                        {
                            InsertBatch(articles, sources, sections, source, pending, report, now);
                        }

                        break;
                    case SkippedItem skipped:
                        report.Skip(skipped.Reason);
                        break;
                    default:
                        break;
                }

                progress?.Invoke(report.Items);
            }
        }
        finally
        {
            // Whatever stopped the writes, the reader must not wait for room in the channel.
            await stop.CancelAsync();
        }

        await reading; // a malformed file: its exception, after everything written is undone by the transaction's disposal
        if (source is not null)
        {
            InsertBatch(articles, sources, sections, source, pending, report, now);
            LinkTranslations(sources, source, report);
        }

        if (options.DryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private sealed record MappedItem(string Source, object Result, string? BodyHtml);

    private async Task ReadAsync(Stream input, WordPressPostMapper mapper, ChannelWriter<MappedItem> output, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new WxrReader(input);
            var seen = new HashSet<long>();
            while (ReadNext(reader) is { } item)
            {
                object result;
                if (!seen.Add(item.PostId))
                {
                    mapper.Report.Warn(item.PostId, "appears twice in the file: the second is left out");
                    result = new SkippedItem("duplicate post id");
                }
                else
                {
                    result = mapper.Map(item, reader.Channel);
                }

                var html = result is ImportedPiece piece ? markdown.RenderHtml(piece.BodyMarkdown) : null;
                await output.WriteAsync(new MappedItem(reader.Channel.Source, result, html), cancellationToken);
            }
        }
        finally
        {
            output.TryComplete();
        }
    }

    // The transaction is not committed: leaving ImportAsync through this exception undoes everything written so far.
    private static WxrItem? ReadNext(WxrReader reader)
    {
        try
        {
            return reader.ReadNextItem();
        }
        catch (WxrFormatException ex)
        {
            throw new WxrFormatException(ex.Message + " Nothing was imported.", ex.Line, ex.Column);
        }
    }

    private static void InsertBatch(
        BulkArticleWriter articles, ImportSourceWriter sources, Dictionary<string, long> sections, string source, List<(ImportedPiece Piece, string BodyHtml)> pending,
        WordPressImportReport report, string now)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var rows = pending.Select(p => new BulkArticle(
            p.Piece.Slug, p.Piece.Language, p.Piece.Headline, sections[p.Piece.SectionSlug], p.Piece.Byline, p.Piece.BodyMarkdown, p.BodyHtml,
            p.Piece.Status, Format(p.Piece.PostedAt), Format(p.Piece.UpdatedAt), now, now, Version: 1)).ToList();
        var firstId = articles.InsertArticles(rows);
        for (var i = 0; i < pending.Count; i++)
        {
            var piece = pending[i].Piece;
            var id = firstId + i;
            sources.InsertSource(id, source, piece, importedVersion: 1, now);
            if (piece.PublishAt is { } publishAt)
            {
                sources.SetPublishAt(id, UtcInstant.Format(publishAt));
            }

            StoreAddresses(sources, id, piece, report, now);
        }

        report.Imported += pending.Count;
        pending.Clear();
    }

    private async Task UpdateAsync(
        SqliteTransaction transaction, ImportSourceWriter sources, ImportedState existing, ImportedPiece piece, string bodyHtml,
        WordPressImportReport report, string now, CancellationToken cancellationToken)
    {
        if (existing.ContentHash == piece.ContentHash)
        {
            report.Unchanged++;
            return;
        }

        if (existing.Version != existing.ImportedVersion)
        {
            report.Conflicts++;
            report.Warn(piece.SourceId, $"changed in the file, but piece {existing.ArticleId} was changed here since the last import: not overwritten");
            return;
        }

        // The state the last import left becomes a revision of its own, then the new one is saved as the next.
        await revisions.InsertBaselineIfMissingAsync(transaction, existing.ArticleId, cancellationToken);
        if (!sources.UpdatePiece(existing.ArticleId, existing.Version, piece, bodyHtml, now))
        {
            report.Conflicts++;
            report.Warn(piece.SourceId, $"piece {existing.ArticleId} changed while importing: not overwritten");
            return;
        }

        if (existing.PostedAt is not null && existing.Slug != piece.Slug)
        {
            await desk.RetireSlugAsync(transaction, existing.ArticleId, existing.Slug, piece.Slug, cancellationToken);
        }

        StoreAddresses(sources, existing.ArticleId, piece, report, now);
        await revisions.InsertSnapshotAsync(transaction, existing.ArticleId, null, Actor, cancellationToken);
        sources.UpdateSource(existing.ArticleId, piece, existing.Version + 1, now);
        report.Updated++;
    }

    private static void StoreAddresses(ImportSourceWriter sources, long id, ImportedPiece piece, WordPressImportReport report, string now)
    {
        foreach (var slug in piece.FormerSlugs)
        {
            sources.InsertFormerSlug(id, slug, now);
        }

        foreach (var path in piece.LegacyPaths)
        {
            if (sources.InsertLegacyAddress(path, id) is { } holder)
            {
                report.Warn(piece.SourceId, $"old address {path} already leads to piece {holder}: kept there");
            }
            else
            {
                report.LegacyAddresses++;
            }
        }
    }

    private static void LinkTranslations(ImportSourceWriter sources, string source, WordPressImportReport report)
    {
        foreach (var pair in sources.ListUnlinkedTranslationPairs(source))
        {
            if (pair.EnglishLinked || pair.KoreanLinked)
            {
                report.Warn(0, $"translation group {pair.TranslationGroup}: piece {(pair.EnglishLinked ? pair.EnglishId : pair.KoreanId)} already has another counterpart here: not linked");
                continue;
            }

            sources.InsertTranslationLinks(pair.EnglishId, pair.KoreanId);
            report.CounterpartLinks++;
        }

        foreach (var odd in sources.ListOddTranslationGroups(source))
        {
            report.Warn(odd.FirstSourceId, $"translation group {odd.TranslationGroup} has {odd.Pieces} piece(s), not one English and one Korean: not linked");
        }
    }

    private static string? Format(DateTimeOffset? instant) => instant is { } value ? UtcInstant.Format(value) : null;
}
