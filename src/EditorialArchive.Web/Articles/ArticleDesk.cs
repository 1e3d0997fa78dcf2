using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Hosting;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Articles;

/// <summary>How a desk action ended.</summary>
public enum DeskOutcome
{
    Done,
    NotFound,

    /// <summary>Someone saved the piece since the editor loaded it (or it is not in a state this step applies to).</summary>
    Conflict,

    /// <summary>The step does not apply: <see cref="DeskResult.Message"/> says why.</summary>
    Refused,
}

public sealed record DeskResult(DeskOutcome Outcome, long? ArticleId = null, DeskArticle? Current = null, string? Message = null)
{
    public static DeskResult NotFound { get; } = new(DeskOutcome.NotFound);
}

/// <summary>
/// The editors' workflow: create, save (with optimistic concurrency), publish, schedule, unpublish, trash, restore,
/// purge. Each action is one transaction that also stores a revision and, for workflow steps, an audit entry.
/// </summary>
public sealed class ArticleDesk(
    SqliteConnectionFactory connections,
    ArticleDeskRepository desk,
    ArticleRepository articles,
    ArticleRevisionRepository revisions,
    ArticleCorrectionRepository corrections,
    AuditLogRepository audit,
    MarkdownRenderer markdown,
    ArchivePageCache pageCache,
    TimeProvider clock)
{
    public const string TargetType = "article";

    /// <summary>The actor of steps taken by the scheduled publisher rather than a person.</summary>
    public const string SchedulerActor = "scheduler";

    public async Task<DeskResult> CreateAsync(ArticleContent content, AuditEvent actor, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var id = await desk.InsertDraftAsync(transaction, content, markdown.RenderHtml(content.BodyMarkdown), cancellationToken);
        var linkError = await ApplyCounterpartAsync(transaction, id, content, cancellationToken);
        if (linkError is not null)
        {
            return new DeskResult(DeskOutcome.Refused, Message: linkError);
        }

        await revisions.InsertSnapshotAsync(transaction, id, actor.ActorUserId, actor.ActorEmail, cancellationToken);
        await audit.AppendAsync(transaction, Audited(actor, AuditActions.ArticleCreated, id, content.Headline), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await pageCache.EvictAsync();
        return new DeskResult(DeskOutcome.Done, id);
    }

    /// <summary>
    /// Saves content over the version the editor loaded. A published piece goes live at once; its updated_at moves
    /// only when readers would see a difference.
    /// </summary>
    public async Task<DeskResult> SaveAsync(long id, long loadedVersion, ArticleContent content, string? correctionNote, AuditEvent actor, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE: writers queue here, so the version read below is still current at the UPDATE.
        await using var transaction = connection.BeginTransaction();
        var current = await desk.GetForEditAsync(transaction, id, cancellationToken);
        if (current is null)
        {
            return DeskResult.NotFound;
        }

        if (current.Version != loadedVersion)
        {
            return new DeskResult(DeskOutcome.Conflict, id, current);
        }

        // The language of a piece is fixed at creation: its counterpart links depend on it.
        content = content with { Language = current.Language };
        var now = UtcInstant.Truncate(clock.GetUtcNow());
        var isLive = current.Status == ArticleStatus.Published;
        var updatedAt = isLive && content.DiffersForReadersFrom(current.Content) ? now : current.UpdatedAt;
        if (!string.IsNullOrWhiteSpace(correctionNote) && !isLive)
        {
            return new DeskResult(DeskOutcome.Refused, id, current, "A correction note goes with an update to a published piece.");
        }

        await revisions.InsertBaselineIfMissingAsync(transaction, id, cancellationToken);
        if (!await desk.UpdateContentAsync(transaction, id, loadedVersion, content, markdown.RenderHtml(content.BodyMarkdown), updatedAt, cancellationToken))
        {
            return new DeskResult(DeskOutcome.Conflict, id, current);
        }

        if (!content.HasSameCounterpartAs(current.Content))
        {
            var linkError = await ApplyCounterpartAsync(transaction, id, content, cancellationToken);
            if (linkError is not null)
            {
                return new DeskResult(DeskOutcome.Refused, id, current, linkError);
            }
        }

        // Readers may have the old address: keep it, so it keeps answering (with a 301 to the new one).
        if (current.PostedAt is not null && current.Slug != content.Slug)
        {
            await desk.RetireSlugAsync(transaction, id, current.Slug, content.Slug, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(correctionNote))
        {
            await corrections.InsertAsync(transaction, id, now, correctionNote.Trim(), cancellationToken);
        }

        await revisions.InsertSnapshotAsync(transaction, id, actor.ActorUserId, actor.ActorEmail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await pageCache.EvictAsync();
        return new DeskResult(DeskOutcome.Done, id);
    }

    /// <summary>Publishes now; <paramref name="backdatedPostedAt"/> sets an earlier posting time for archive backfills.</summary>
    public Task<DeskResult> PublishAsync(long id, long loadedVersion, DateTimeOffset? backdatedPostedAt, AuditEvent actor, CancellationToken cancellationToken) =>
        TransitionAsync(id, loadedVersion, [ArticleStatus.Draft, ArticleStatus.Scheduled, ArticleStatus.Unpublished], actor, AuditActions.ArticlePublished, cancellationToken, current =>
        {
            var now = UtcInstant.Truncate(clock.GetUtcNow());
            if (backdatedPostedAt > now)
            {
                return Refuse("A posting time cannot be in the future: schedule the piece instead.");
            }

            var postedAt = backdatedPostedAt ?? current.PostedAt ?? now;
            var updatedAt = current.UpdatedAt is { } updated && updated >= postedAt ? updated : postedAt;
            return new Transition(ArticleStatus.Published, null, postedAt, updatedAt, null);
        });

    /// <summary>Publishes by itself at <paramref name="publishAt"/> (see <see cref="PublishDueAsync"/>).</summary>
    public Task<DeskResult> ScheduleAsync(long id, long loadedVersion, DateTimeOffset publishAt, AuditEvent actor, CancellationToken cancellationToken) =>
        TransitionAsync(id, loadedVersion, [ArticleStatus.Draft, ArticleStatus.Scheduled, ArticleStatus.Unpublished], actor, AuditActions.ArticleScheduled, cancellationToken, current =>
            publishAt <= clock.GetUtcNow()
                ? Refuse("Choose a publishing time in the future, or publish now.")
                : new Transition(ArticleStatus.Scheduled, publishAt, current.PostedAt, current.UpdatedAt, UtcInstant.Format(publishAt)));

    public Task<DeskResult> UnpublishAsync(long id, long loadedVersion, AuditEvent actor, CancellationToken cancellationToken) =>
        TransitionAsync(id, loadedVersion, [ArticleStatus.Published, ArticleStatus.Scheduled], actor, AuditActions.ArticleUnpublished, cancellationToken, current =>
            new Transition(ArticleStatus.Unpublished, null, current.PostedAt, current.UpdatedAt, null));

    public Task<DeskResult> TrashAsync(long id, long loadedVersion, AuditEvent actor, CancellationToken cancellationToken) =>
        TransitionAsync(id, loadedVersion, [ArticleStatus.Draft, ArticleStatus.Scheduled, ArticleStatus.Published, ArticleStatus.Unpublished], actor, AuditActions.ArticleTrashed, cancellationToken, current =>
            new Transition(ArticleStatus.Trashed, null, current.PostedAt, current.UpdatedAt, current.Status));

    /// <summary>Takes a piece out of the trash as a draft.</summary>
    public Task<DeskResult> RestoreAsync(long id, long loadedVersion, AuditEvent actor, CancellationToken cancellationToken) =>
        TransitionAsync(id, loadedVersion, [ArticleStatus.Trashed], actor, AuditActions.ArticleRestored, cancellationToken, current =>
            new Transition(ArticleStatus.Draft, null, current.PostedAt, current.UpdatedAt, null));

    /// <summary>Deletes a trashed piece for good. Only admins reach this (the controller's policy).</summary>
    public async Task<DeskResult> PurgeAsync(long id, long loadedVersion, AuditEvent actor, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var current = await desk.GetForEditAsync(transaction, id, cancellationToken);
        if (current is null)
        {
            return DeskResult.NotFound;
        }

        if (current.Version != loadedVersion || !await desk.DeleteTrashedAsync(transaction, id, loadedVersion, cancellationToken))
        {
            return current.Version == loadedVersion
                ? new DeskResult(DeskOutcome.Refused, id, current, "Only a piece in the trash can be deleted for good.")
                : new DeskResult(DeskOutcome.Conflict, id, current);
        }

        await audit.AppendAsync(transaction, Audited(actor, AuditActions.ArticlePurged, id, current.Headline), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await pageCache.EvictAsync();
        return new DeskResult(DeskOutcome.Done, id);
    }

    /// <summary>Publishes every scheduled piece whose time has come, in one transaction; returns their ids.</summary>
    public async Task<IReadOnlyList<long>> PublishDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var published = await desk.PublishDueAsync(transaction, cancellationToken);
        // (A scheduled piece went through the desk, so it already has its revisions.)
        var scheduler = new AuditEvent(null, SchedulerActor, "");
        foreach (var id in published)
        {
            await revisions.InsertSnapshotAsync(transaction, id, null, SchedulerActor, cancellationToken);
            await audit.AppendAsync(transaction, Audited(scheduler, AuditActions.ArticlePublished, id, "scheduled"), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (published.Count > 0)
        {
            // The scheduler asks every half minute; a round that published nothing must not empty the cache.
            await pageCache.EvictAsync();
        }

        return published;
    }

    /// <summary>The new workflow state, or a refusal (<see cref="Refusal"/> set).</summary>
    private sealed record Transition(string Status, DateTimeOffset? PublishAt, DateTimeOffset? PostedAt, DateTimeOffset? UpdatedAt, string? AuditDetail, string? Refusal = null);

    private static Transition Refuse(string message) => new("", null, null, null, null, message);

    private async Task<DeskResult> TransitionAsync(
        long id, long loadedVersion, string[] allowedFrom, AuditEvent actor, string auditAction, CancellationToken cancellationToken, Func<DeskArticle, Transition> decide)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var current = await desk.GetForEditAsync(transaction, id, cancellationToken);
        if (current is null)
        {
            return DeskResult.NotFound;
        }

        if (current.Version != loadedVersion)
        {
            return new DeskResult(DeskOutcome.Conflict, id, current);
        }

        if (!allowedFrom.Contains(current.Status))
        {
            return new DeskResult(DeskOutcome.Refused, id, current, $"That step does not apply to a {current.Status} piece.");
        }

        var next = decide(current);
        if (next.Refusal is not null)
        {
            return new DeskResult(DeskOutcome.Refused, id, current, next.Refusal);
        }

        await revisions.InsertBaselineIfMissingAsync(transaction, id, cancellationToken);
        if (!await desk.UpdateStatusAsync(transaction, id, loadedVersion, next.Status, next.PublishAt, next.PostedAt, next.UpdatedAt, cancellationToken))
        {
            return new DeskResult(DeskOutcome.Conflict, id, current);
        }

        await revisions.InsertSnapshotAsync(transaction, id, actor.ActorUserId, actor.ActorEmail, cancellationToken);
        await audit.AppendAsync(transaction, Audited(actor, auditAction, id, next.AuditDetail), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await pageCache.EvictAsync();
        return new DeskResult(DeskOutcome.Done, id);
    }

    /// <summary>Sets the counterpart the content names (a piece of the archive, an external page, or none); an error message when it cannot be.</summary>
    private async Task<string?> ApplyCounterpartAsync(SqliteTransaction transaction, long id, ArticleContent content, CancellationToken cancellationToken)
    {
        if (content.CounterpartArticleId is { } counterpartId)
        {
            try
            {
                await articles.LinkTranslationsAsync(transaction, id, counterpartId, cancellationToken);
            }
            catch (ArgumentException)
            {
                return $"Piece {counterpartId} cannot be the counterpart: it must exist and be in the other language.";
            }
        }
        else if (content.ExternalUrl is { } url)
        {
            await desk.LinkExternalTranslationAsync(transaction, id, url, content.ExternalTitle ?? url, cancellationToken);
        }
        else
        {
            await desk.UnlinkTranslationAsync(transaction, id, cancellationToken);
        }

        return null;
    }

    private static AuditEvent Audited(AuditEvent actor, string action, long id, string? detail) =>
        actor with { Action = action, TargetType = TargetType, TargetId = id, Detail = detail };
}
