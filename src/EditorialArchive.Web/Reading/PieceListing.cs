using EditorialArchive.Web.Articles;
using EditorialArchive.Web.ViewModels;

namespace EditorialArchive.Web.Reading;

/// <summary>Turns listed pieces into list items and a page of a list into its "newer" / "older" links.</summary>
public sealed class PieceListing(ArchiveTime time)
{
    public ArticleListItem Item(ListedPiece piece) => new(
        ArticleUrls.Article(piece.Language, piece.Id, piece.Slug),
        piece.Headline,
        piece.SectionName,
        piece.Byline,
        new ShownInstant(time.FormatDisplay(piece.PostedAt, piece.Language), time.FormatMachine(piece.PostedAt)),
        Excerpt.Of(SearchText.PlainTextOfMarkdown(piece.OpeningMarkdown)),
        piece.Byline is null ? null : ReadingUrls.Byline(piece.Language, piece.Byline));

    public PieceListViewModel List(string path, PiecePage page) => new(
        [.. page.Pieces.Select(Item)],
        page.Newer is null ? null : ReadingUrls.Page(path, "after", page.Newer),
        page.Older is null ? null : ReadingUrls.Page(path, "before", page.Older));
}
