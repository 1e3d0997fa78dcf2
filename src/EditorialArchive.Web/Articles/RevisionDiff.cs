using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using EditorialArchive.Web.ViewModels;

namespace EditorialArchive.Web.Articles;

/// <summary>Line-by-line differences between two revisions of a piece.</summary>
public static class RevisionDiff
{
    public static IReadOnlyList<DiffLine> Between(ArticleRevision older, ArticleRevision newer)
    {
        var model = InlineDiffBuilder.Diff(older.ToComparableText(), newer.ToComparableText(), ignoreWhiteSpace: false);
        return [.. model.Lines
            .Where(line => line.Type != ChangeType.Imaginary)
            .Select(line => new DiffLine(
                line.Type switch
                {
                    ChangeType.Inserted => DiffLineKind.Inserted,
                    ChangeType.Deleted => DiffLineKind.Deleted,
                    _ => DiffLineKind.Unchanged,
                },
                line.Text ?? ""))];
    }
}
