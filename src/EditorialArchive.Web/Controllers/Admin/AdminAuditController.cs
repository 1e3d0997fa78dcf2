using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EditorialArchive.Web.Controllers.Admin;

[Authorize(Policy = EditorRoles.AdminPolicy)]
public sealed class AdminAuditController(AuditLogRepository audit, ArchiveTime time) : AdminController
{
    private const int PageSize = 100;

    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index(long? before, CancellationToken cancellationToken)
    {
        var entries = await audit.ListPageAsync(before, PageSize + 1, cancellationToken);
        var shown = entries.Take(PageSize).ToList();
        return View(new AuditPageViewModel
        {
            Title = "Audit log",
            Entries = shown,
            ShowTime = instant => time.FormatDisplay(instant, Languages.Korean),
            OlderUrl = entries.Count > PageSize ? $"/admin/audit?before={shown[^1].Id}" : null,
        });
    }
}
