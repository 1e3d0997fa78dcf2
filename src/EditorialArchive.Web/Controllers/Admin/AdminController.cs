using System.Globalization;
using System.Security.Claims;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EditorialArchive.Web.Controllers.Admin;

/// <summary>Base of every /admin controller: signed-in, enabled editors only, and nothing cached.</summary>
[Authorize(Policy = EditorRoles.EditorPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class AdminController : Controller
{
    protected long CurrentUserId =>
        long.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "0", CultureInfo.InvariantCulture);

    /// <summary>The signed-in editor as the author of an audit entry; callers set the action and target.</summary>
    protected AuditEvent Actor(string action = "") =>
        new(CurrentUserId, User.FindFirstValue(ClaimTypes.Email), action, RemoteIp: HttpContext.Connection.RemoteIpAddress?.ToString());
}
