using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.ViewModels;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Reading;

/// <summary>
/// Gathers what the article page shows after a piece: previous / next in its section, related pieces, citations; and
/// the ids of the pieces it links to, whose headline or address changing changes this page (Hosting/ArchivePageTags.cs).
/// </summary>
public sealed class ArticleExtrasLoader(
    NeighbourRepository neighbours, RelatedPiecesRepository relatedPieces, RelatedPiecesRefresh refresh, ArchiveTime time, IOptions<ArchiveOptions> options)
{
    public async Task<(ArticleExtrasViewModel Extras, IReadOnlyList<long> LinkedIds)> LoadAsync(PublishedArticle article, string absoluteUrl, CancellationToken cancellationToken)
    {
        var around = await neighbours.ListSectionNeighboursAsync(article.Id, article.Language, article.SectionSlug, article.PostedAt, cancellationToken);
        // Computed when the piece was written (RelatedPiecesRefresher); only a piece still waiting for its first list
        // asks the search index now.
        var (related, isPending) = await relatedPieces.ListStoredAsync(article.Id, cancellationToken);
        if (related.Count == 0 && isPending)
        {
            related = await refresh.ComputeAsync(article.Id, article.Language, article.Headline, cancellationToken);
        }

        var parts = new Citation.Parts(
            options.Value.PublicationName,
            article.Headline,
            article.Byline,
            DateOnly.FromDateTime(time.ToLocal(article.PostedAt).DateTime),
            absoluteUrl,
            article.Language);
        var extras = new ArticleExtrasViewModel(
            Link(around.FirstOrDefault(p => p.Position == "previous")),
            Link(around.FirstOrDefault(p => p.Position == "next")),
            [.. related.Select(p => Link(p)!)],
            Citation.Apa(parts),
            Citation.Chicago(parts),
            article.Byline is null ? null : ReadingUrls.Byline(article.Language, article.Byline));
        return (extras, [.. around.Select(p => p.Id), .. related.Select(p => p.Id)]);
    }

    private static NavLink? Link(LinkedPiece? piece) =>
        piece is null ? null : new NavLink(ArticleUrls.Article(piece.Language, piece.Id, piece.Slug), piece.Headline);
}
