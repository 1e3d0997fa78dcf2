using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Controllers.Admin;

/// <summary>
/// A save or workflow step that the storage refuses (disk full, read-only file, I/O error: <see cref="StorageFailure"/>)
/// answers 503 with the edit page and the editor's text still in the form, instead of a 500 page that loses it.
/// </summary>
public abstract partial class ArticleDeskController
{
    /// <summary>How long to suggest waiting before saving again.</summary>
    private const string RetryAfterSeconds = "60";

    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled || StorageFailure.Describe(executed.Exception) is not { } cause)
        {
            return;
        }

        HttpContext.RequestServices.GetRequiredService<ILogger<ArticleDeskController>>().LogWarning(
            "The desk could not write ({Cause}): {Message}; the editor was answered 503 with their text kept",
            cause, executed.Exception.Message);
        executed.ExceptionHandled = true;
        executed.Result = await StorageFailurePageAsync(context.ActionArguments, cause, HttpContext.RequestAborted);
    }

    private async Task<IActionResult> StorageFailurePageAsync(IDictionary<string, object?> arguments, string cause, CancellationToken cancellationToken)
    {
        var input = arguments.Values.OfType<ArticleFormInput>().FirstOrDefault();
        var workflow = arguments.Values.OfType<WorkflowInput>().FirstOrDefault();
        var error = $"Nothing was saved: {cause}. Nothing stored was damaged, and the public site goes on. "
            + (input is null ? "Try the step again in a minute." : "Your text is kept in the form below; press Save again in a minute, or copy it somewhere safe.");
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = RetryAfterSeconds;
        try
        {
            if (arguments.TryGetValue("id", out var value) && value is long id)
            {
                var stored = await Desk.GetForEditAsync(id, cancellationToken);
                if (stored is not null)
                {
                    return View(EditView, await EditPageAsync(stored, input, cancellationToken, error: error, workflow: workflow));
                }
            }

            return View(EditView, new ArticleEditPageViewModel
            {
                Title = "New piece",
                Input = input ?? new ArticleFormInput(),
                Sections = await Desk.ListSectionsAsync(cancellationToken),
                Error = error,
                IsAdmin = User.IsInRole(EditorRoles.Admin),
                ZoneName = Time.Zone.Id,
                ShowTime = ShowTime,
            });
        }
        catch (SqliteException)
        {
            // Not even reading works: a plain page, still 503, still nothing lost in the database.
            return Content($"The archive is unavailable: {error}", "text/plain; charset=utf-8");
        }
    }
}
