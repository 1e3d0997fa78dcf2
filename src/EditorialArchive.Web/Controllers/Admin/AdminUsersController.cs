using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EditorialArchive.Web.Controllers.Admin;

[Authorize(Policy = EditorRoles.AdminPolicy)]
[Route("admin/users")]
public sealed class AdminUsersController(UserRepository users, EditorAccounts accounts) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? notice, CancellationToken cancellationToken) =>
        View(await PageAsync(new NewUserInput(), null, notice, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Create([FromForm] NewUserInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await accounts.CreateAsync(input.Email, input.DisplayName, input.Role, input.Password, Actor(), cancellationToken);
            if (result.Succeeded)
            {
                return RedirectToAction(nameof(Index), new { notice = $"Added {input.Email.Trim()}." });
            }

            ModelState.AddModelError(string.Empty, result.Error!);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var kept = new NewUserInput { Email = input.Email, DisplayName = input.DisplayName, Role = input.Role };
        return View(nameof(Index), await PageAsync(kept, null, null, cancellationToken));
    }

    [HttpPost("{id:long}/disable")]
    public Task<IActionResult> Disable(long id, CancellationToken cancellationToken) => SetDisabledAsync(id, true, cancellationToken);

    [HttpPost("{id:long}/enable")]
    public Task<IActionResult> Enable(long id, CancellationToken cancellationToken) => SetDisabledAsync(id, false, cancellationToken);

    [HttpGet("{id:long}/password")]
    public async Task<IActionResult> Password(long id, CancellationToken cancellationToken)
    {
        var account = await users.GetByIdAsync(id, cancellationToken);
        return account is null ? NotFound() : View(new SetPasswordPageViewModel { Title = "Set password", Account = account });
    }

    [HttpPost("{id:long}/password")]
    public async Task<IActionResult> Password(long id, [FromForm] SetPasswordInput input, CancellationToken cancellationToken)
    {
        var account = await users.GetByIdAsync(id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await accounts.SetPasswordAsync(id, input.Password, Actor(), cancellationToken);
            if (result.Succeeded)
            {
                return RedirectToAction(nameof(Index), new { notice = $"New password set for {account.Email}." });
            }

            ModelState.AddModelError(nameof(input.Password), result.Error!);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new SetPasswordPageViewModel { Title = "Set password", Account = account });
    }

    private async Task<IActionResult> SetDisabledAsync(long id, bool disabled, CancellationToken cancellationToken)
    {
        var result = await accounts.SetDisabledAsync(id, disabled, Actor(), cancellationToken);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), await PageAsync(new NewUserInput(), result.Error, null, cancellationToken));
        }

        var account = await users.GetByIdAsync(id, cancellationToken);
        return RedirectToAction(nameof(Index), new { notice = $"{account!.Email} {(disabled ? "disabled" : "enabled")}." });
    }

    private async Task<UsersPageViewModel> PageAsync(NewUserInput input, string? error, string? notice, CancellationToken cancellationToken) => new()
    {
        Title = "Users",
        Users = await users.ListAllAsync(cancellationToken),
        CurrentUserId = CurrentUserId,
        NewUser = input,
        Error = error,
        Notice = notice,
    };
}
