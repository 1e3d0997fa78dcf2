namespace EditorialArchive.Web.Articles;

/// <summary>Workflow states of a piece, as stored in <c>articles.status</c>.</summary>
public static class ArticleStatus
{
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";
    public const string Published = "published";
    public const string Unpublished = "unpublished";
    public const string Trashed = "trashed";
}
