using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Hosting;

namespace EditorialArchive.Web.Seeds;

/// <summary>Imports the pieces listed in <c>seeds/manifest.json</c> into an empty archive, all or nothing.</summary>
public sealed class SeedImporter(
    SqliteConnectionFactory connections,
    ArticleRepository articles,
    SeedPageParser parser,
    MarkdownRenderer markdown,
    ArchivePageCache pageCache,
    ILogger<SeedImporter> logger)
{
    /// <summary>Returns the number of pieces imported; 0 when the archive already holds pieces.</summary>
    public async Task<int> ImportIfEmptyAsync(string seedsPath, CancellationToken cancellationToken)
    {
        if (await articles.CountAllAsync(cancellationToken) > 0)
        {
            return 0;
        }

        if (!Directory.Exists(seedsPath))
        {
            logger.LogWarning("No seeds folder at {SeedsPath}; the archive starts empty", seedsPath);
            return 0;
        }

        return await ImportAsync(seedsPath, cancellationToken);
    }

    /// <summary>
    /// Imports the pieces a folder's manifest lists (page text in the seeds' format), into any archive, all or nothing
    /// (<c>import pages DIR</c>); returns the number imported.
    /// </summary>
    public async Task<int> ImportAsync(string seedsPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(seedsPath, SeedManifest.FileName)))
        {
            throw new SeedFormatException($"{seedsPath} has no {SeedManifest.FileName} listing its pages (see seeds/{SeedManifest.FileName}).");
        }

        var manifest = SeedManifest.Load(seedsPath);
        var pages = new Dictionary<string, (SeedManifestEntry Entry, SeedPage Page)>(StringComparer.Ordinal);
        foreach (var entry in manifest.Pieces)
        {
            var path = Path.GetFullPath(Path.Combine(seedsPath, entry.File));
            if (!path.StartsWith(Path.GetFullPath(seedsPath).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new SeedFormatException($"{SeedManifest.FileName} lists {entry.File}, which is outside {seedsPath}.");
            }

            if (!File.Exists(path))
            {
                throw new SeedFormatException($"{SeedManifest.FileName} lists {entry.File}, which is not in {seedsPath}.");
            }

            var page = parser.Parse(await File.ReadAllTextAsync(path, cancellationToken), entry.File);
            pages.Add(entry.File, (entry, page));
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (file, (entry, page)) in pages)
        {
            var body = PlainTextMarkdown.FromParagraphs(page.Paragraphs);
            ids[file] = await articles.InsertAsync(transaction, new NewArticle(
                Slug: entry.Slug ?? SlugGenerator.FromHeadline(page.Headline),
                Language: page.Language,
                Headline: page.Headline,
                SectionSlug: entry.Section,
                Byline: entry.Byline,
                BodyMarkdown: body,
                BodyHtml: markdown.RenderHtml(body),
                Status: ArticleStatus.Published,
                PostedAt: page.PostedAt,
                UpdatedAt: page.UpdatedAt), cancellationToken);
        }

        foreach (var (file, (entry, _)) in pages)
        {
            if (entry.Counterpart is null)
            {
                continue;
            }

            if (!ids.TryGetValue(entry.Counterpart, out var counterpartId))
            {
                throw new SeedFormatException($"{file} names the counterpart {entry.Counterpart}, which the manifest does not list.");
            }

            await articles.LinkTranslationsAsync(transaction, ids[file], counterpartId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await pageCache.EvictAsync();
        logger.LogInformation("Imported {Count} seed pieces from {SeedsPath}", ids.Count, seedsPath);
        return ids.Count;
    }
}
