using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Mvc;

namespace EditorialArchive.Web.Controllers.Admin;

/// <summary>Every saved state of a piece: the list, a diff between any two, and restoring one as a new version.</summary>
[Route("admin/articles/{id:long}/revisions")]
public sealed class AdminRevisionsController(ArticleDeskRepository desk, ArticleRevisionRepository revisions, ArticleDesk workflow, ArchiveTime time)
    : ArticleDeskController(desk, time)
{
    /// <summary>The revisions, newest first, and the diff from <paramref name="from"/> to <paramref name="to"/> (default: the last change).</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(long id, long? from, long? to, CancellationToken cancellationToken)
    {
        var article = await Desk.GetForEditAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        var all = await revisions.ListForArticleAsync(id, cancellationToken);
        var newer = to is { } toId ? all.FirstOrDefault(r => r.Id == toId) : all.FirstOrDefault();
        var older = from is { } fromId ? all.FirstOrDefault(r => r.Id == fromId) : all.Skip(1).FirstOrDefault();
        if ((from is not null && older is null) || (to is not null && newer is null))
        {
            return NotFound();
        }

        return View(new RevisionsPageViewModel
        {
            Title = $"Revisions: {article.Headline}",
            Article = article,
            Revisions = all,
            From = older,
            To = newer,
            Diff = older is not null && newer is not null ? RevisionDiff.Between(older, newer) : [],
            ShowTime = ShowTime,
        });
    }

    /// <summary>Saves the revision's content as the newest version (a new revision; the status stays as it is).</summary>
    [HttpPost("{revisionId:long}/restore")]
    public async Task<IActionResult> Restore(long id, long revisionId, [FromForm] WorkflowInput input, CancellationToken cancellationToken)
    {
        var revision = await revisions.GetAsync(id, revisionId, cancellationToken);
        if (revision is null)
        {
            return NotFound();
        }

        var result = await workflow.SaveAsync(id, input.Version, revision.Content, null, Actor(), cancellationToken);
        return await AnswerAsync(result, $"Revision of version {revision.Version} restored as a new version.", null, input, cancellationToken);
    }
}
