using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Mvc;

namespace EditorialArchive.Web.Controllers.Admin;

/// <summary>What the desk's piece controllers share: the edit page, and turning a desk result into an answer.</summary>
public abstract partial class ArticleDeskController(ArticleDeskRepository desk, ArchiveTime time) : AdminController
{
    protected const string EditView = "~/Views/AdminArticles/Edit.cshtml";

    protected ArticleDeskRepository Desk => desk;

    protected ArchiveTime Time => time;

    protected static string EditUrl(long id, string notice) => $"/admin/articles/{id}/edit?notice={Uri.EscapeDataString(notice)}";

    protected string ShowTime(DateTimeOffset instant) => time.FormatDisplay(instant, Languages.Korean);

    /// <summary>The edit page of a stored piece (<paramref name="input"/> null: its stored content).</summary>
    protected async Task<ArticleEditPageViewModel> EditPageAsync(
        DeskArticle stored, ArticleFormInput? input, CancellationToken cancellationToken,
        string? error = null, string? notice = null, DeskArticle? conflict = null, string? previewHtml = null, WorkflowInput? workflow = null) => new()
        {
            Title = $"Edit: {stored.Headline}",
            Notice = notice,
            Input = input ?? ArticleFormInput.From(stored),
            Stored = stored,
            Conflict = conflict,
            Sections = await desk.ListSectionsAsync(cancellationToken),
            PreviewHtml = previewHtml,
            Error = error,
            IsAdmin = User.IsInRole(EditorRoles.Admin),
            ZoneName = time.Zone.Id,
            RetiredSlugs = await desk.ListRetiredSlugsAsync(stored.Id, cancellationToken),
            PublicUrl = stored.Status == ArticleStatus.Published ? ArticleUrls.Article(stored.Language, stored.Id, stored.Slug) : null,
            PublishAtInput = workflow?.PublishAt ?? (stored.PublishAt is { } at ? LocalTimeInput.ToInput(at, time.Zone) : null),
            PostedAtInput = workflow?.PostedAt,
            ShowTime = ShowTime,
        };

    /// <summary>
    /// Post/redirect/get on success; otherwise the edit page again with what the editor sent: 404 for a missing piece,
    /// 409 when the piece changed meanwhile (their text kept, to resubmit against the new version), 422 for a refusal.
    /// </summary>
    protected async Task<IActionResult> AnswerAsync(DeskResult result, string notice, ArticleFormInput? input, WorkflowInput? workflow, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case DeskOutcome.Done:
                return Redirect(EditUrl(result.ArticleId!.Value, notice));
            case DeskOutcome.NotFound:
                return NotFound();
            case DeskOutcome.Conflict:
                var current = result.Current!;
                Response.StatusCode = StatusCodes.Status409Conflict;
                var kept = input is null ? null : WithVersion(input, current.Version);
                return View(EditView, await EditPageAsync(
                    current, kept, cancellationToken,
                    error: $"Someone else saved this piece after you loaded it: it is now version {current.Version}, {current.Status}. Nothing of yours was saved. "
                        + (input is null ? "Check the piece below and try again." : "Your text is kept in the form below; merge it with theirs and save again."),
                    conflict: input is null ? null : current,
                    workflow: workflow));
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View(EditView, await EditPageAsync(result.Current!, input, cancellationToken, error: result.Message, workflow: workflow));
        }
    }

    private static ArticleFormInput WithVersion(ArticleFormInput input, long version) => new()
    {
        Headline = input.Headline,
        Slug = input.Slug,
        Language = input.Language,
        SectionSlug = input.SectionSlug,
        Byline = input.Byline,
        Body = input.Body,
        CounterpartId = input.CounterpartId,
        ExternalUrl = input.ExternalUrl,
        ExternalTitle = input.ExternalTitle,
        CorrectionNote = input.CorrectionNote,
        Version = version,
    };
}
