using System.Security.Claims;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Mvc;

namespace EditorialArchive.Web.Controllers.Admin;

public sealed class AdminHomeController : AdminController
{
    [HttpGet("/admin")]
    public IActionResult Index() => View(new AdminHomeViewModel
    {
        Title = "Desk",
        DisplayName = User.FindFirstValue(ClaimTypes.Name) ?? "",
        IsAdmin = User.IsInRole(EditorRoles.Admin),
    });
}
