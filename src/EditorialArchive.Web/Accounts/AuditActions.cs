namespace EditorialArchive.Web.Accounts;

/// <summary>The names of audited actions, as stored in <c>audit_log.action</c>.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string UserCreated = "user-created";
    public const string UserDisabled = "user-disabled";
    public const string UserEnabled = "user-enabled";
    public const string PasswordSet = "password-set";
    public const string ArticleCreated = "article-created";
    public const string ArticlePublished = "article-published";
    public const string ArticleScheduled = "article-scheduled";
    public const string ArticleUnpublished = "article-unpublished";
    public const string ArticleTrashed = "article-trashed";
    public const string ArticleRestored = "article-restored";
    public const string ArticlePurged = "article-purged";
}
