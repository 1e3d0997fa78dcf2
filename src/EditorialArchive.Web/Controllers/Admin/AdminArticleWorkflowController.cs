using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EditorialArchive.Web.Controllers.Admin;

/// <summary>Workflow steps of a piece: publish, schedule, unpublish, trash, restore, and (admins only) purge.</summary>
[Route("admin/articles/{id:long}")]
public sealed class AdminArticleWorkflowController(ArticleDeskRepository desk, ArticleDesk workflow, ArchiveTime time)
    : ArticleDeskController(desk, time)
{
    [HttpPost("publish")]
    public async Task<IActionResult> Publish(long id, [FromForm] WorkflowInput input, CancellationToken cancellationToken)
    {
        DateTimeOffset? postedAt = null;
        if (!string.IsNullOrWhiteSpace(input.PostedAt))
        {
            if (!LocalTimeInput.TryParse(input.PostedAt, Time.Zone, out var parsed))
            {
                return await RefuseAsync(id, input, $"Enter the posting time as a date and time in {Time.Zone.Id}, e.g. 2024-05-01T09:00.", cancellationToken);
            }

            postedAt = parsed;
        }

        return await AnswerAsync(await workflow.PublishAsync(id, input.Version, postedAt, Actor(), cancellationToken), "Published.", null, input, cancellationToken);
    }

    [HttpPost("schedule")]
    public async Task<IActionResult> Schedule(long id, [FromForm] WorkflowInput input, CancellationToken cancellationToken)
    {
        if (!LocalTimeInput.TryParse(input.PublishAt, Time.Zone, out var publishAt))
        {
            return await RefuseAsync(id, input, $"Enter when to publish as a date and time in {Time.Zone.Id}, e.g. 2026-03-02T09:00.", cancellationToken);
        }

        var result = await workflow.ScheduleAsync(id, input.Version, publishAt, Actor(), cancellationToken);
        return await AnswerAsync(result, $"Scheduled for {ShowTime(publishAt)} ({Time.Zone.Id}).", null, input, cancellationToken);
    }

    [HttpPost("unpublish")]
    public async Task<IActionResult> Unpublish(long id, [FromForm] WorkflowInput input, CancellationToken cancellationToken) =>
        await AnswerAsync(await workflow.UnpublishAsync(id, input.Version, Actor(), cancellationToken), "Unpublished: readers no longer see it.", null, input, cancellationToken);

    [HttpPost("trash")]
    public async Task<IActionResult> Trash(long id, [FromForm] WorkflowInput input, CancellationToken cancellationToken) =>
        await AnswerAsync(await workflow.TrashAsync(id, input.Version, Actor(), cancellationToken), "Moved to the trash. Restore it from here if that was a mistake.", null, input, cancellationToken);

    [HttpPost("restore")]
    public async Task<IActionResult> Restore(long id, [FromForm] WorkflowInput input, CancellationToken cancellationToken) =>
        await AnswerAsync(await workflow.RestoreAsync(id, input.Version, Actor(), cancellationToken), "Restored from the trash as a draft.", null, input, cancellationToken);

    [Authorize(Policy = EditorRoles.AdminPolicy)]
    [HttpPost("purge")]
    public async Task<IActionResult> Purge(long id, [FromForm] WorkflowInput input, CancellationToken cancellationToken)
    {
        var result = await workflow.PurgeAsync(id, input.Version, Actor(), cancellationToken);
        return result.Outcome == DeskOutcome.Done
            ? Redirect($"/admin?status=trashed&notice={Uri.EscapeDataString($"Piece {id} deleted for good.")}")
            : await AnswerAsync(result, "", null, input, cancellationToken);
    }

    private async Task<IActionResult> RefuseAsync(long id, WorkflowInput input, string message, CancellationToken cancellationToken)
    {
        var stored = await Desk.GetForEditAsync(id, cancellationToken);
        return stored is null
            ? NotFound()
            : await AnswerAsync(new DeskResult(DeskOutcome.Refused, id, stored, message), "", null, input, cancellationToken);
    }
}
