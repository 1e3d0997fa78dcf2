using System.Globalization;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Controllers.Admin;

/// <summary>The desk's list of pieces and the create/edit form with its Markdown preview.</summary>
public sealed class AdminArticlesController(ArticleDeskRepository desk, ArticleDesk workflow, MarkdownRenderer markdown, ArchiveTime time, IOptions<DeskOptions> deskOptions)
    : ArticleDeskController(desk, time)
{
    private const int PageSize = 50;

    [HttpGet("/admin")]
    public async Task<IActionResult> Index([FromQuery] DeskFilterInput filter, string? notice, CancellationToken cancellationToken)
    {
        var sections = await Desk.ListSectionsAsync(cancellationToken);
        var query = new DeskFilter(
            DeskListPageViewModel.Statuses.Contains(filter.Status) ? filter.Status : null,
            Languages.IsSupported(filter.Language) ? filter.Language : null,
            sections.Any(s => s.Slug == filter.Section) ? filter.Section : null,
            string.IsNullOrWhiteSpace(filter.Q) ? null : filter.Q);
        var items = await Desk.ListDeskPageAsync(query, ParseCursor(filter.Before), PageSize + 1, cancellationToken);
        var shown = items.Take(PageSize).ToList();
        return View(new DeskListPageViewModel
        {
            Title = "Pieces",
            Notice = notice,
            Filter = filter,
            Items = shown,
            Sections = sections,
            ShowTime = ShowTime,
            OlderUrl = items.Count > PageSize ? OlderUrl(query, shown[^1]) : null,
        });
    }

    [HttpGet("/admin/articles/new")]
    public async Task<IActionResult> New(string? refused, CancellationToken cancellationToken) =>
        View("Edit", await NewPageAsync(new ArticleFormInput(), null, RefusedMessage(refused), cancellationToken));

    [HttpPost("/admin/articles/new")]
    [ServiceFilter<DeskFormLimitsFilter>(Order = DeskFormLimitsFilter.Order)]
    public async Task<IActionResult> Create([FromForm] ArticleFormInput input, CancellationToken cancellationToken)
    {
        if (input.Command == ArticleFormInput.PreviewCommand)
        {
            ModelState.Clear();
            return View("Edit", await NewPageAsync(WithSuggestedSlug(input), PreviewHtml(input), null, cancellationToken));
        }

        var content = await ValidateAsync(input, input.Language, null, cancellationToken);
        if (content is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", await NewPageAsync(input, null, null, cancellationToken));
        }

        var result = await workflow.CreateAsync(content, Actor(), cancellationToken);
        if (result.Outcome != DeskOutcome.Done)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", await NewPageAsync(input, null, result.Message, cancellationToken));
        }

        return Redirect(EditUrl(result.ArticleId!.Value, "Draft created."));
    }

    [HttpGet("/admin/articles/{id:long}/edit")]
    public async Task<IActionResult> Edit(long id, string? notice, string? refused, CancellationToken cancellationToken)
    {
        var stored = await Desk.GetForEditAsync(id, cancellationToken);
        return stored is null ? NotFound() : View(await EditPageAsync(stored, null, cancellationToken, notice: notice, error: RefusedMessage(refused)));
    }

    [HttpPost("/admin/articles/{id:long}/edit")]
    [ServiceFilter<DeskFormLimitsFilter>(Order = DeskFormLimitsFilter.Order)]
    public async Task<IActionResult> Update(long id, [FromForm] ArticleFormInput input, CancellationToken cancellationToken)
    {
        var stored = await Desk.GetForEditAsync(id, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        if (input.Command == ArticleFormInput.PreviewCommand)
        {
            ModelState.Clear();
            return View("Edit", await EditPageAsync(stored, WithSuggestedSlug(input), cancellationToken, previewHtml: PreviewHtml(input)));
        }

        var content = await ValidateAsync(input, stored.Language, id, cancellationToken);
        if (content is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", await EditPageAsync(stored, input, cancellationToken));
        }

        var result = await workflow.SaveAsync(id, input.Version, content, input.CorrectionNote, Actor(), cancellationToken);
        return await AnswerAsync(result, stored.Status == ArticleStatus.Published ? "Saved; the public page shows it now." : "Saved.", input, null, cancellationToken);
    }

    /// <summary>Checks what the form cannot (slug form, section, counterpart); null with errors beside the fields.</summary>
    private async Task<ArticleContent?> ValidateAsync(ArticleFormInput input, string language, long? selfId, CancellationToken cancellationToken)
    {
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? SlugGenerator.FromHeadline(input.Headline) : input.Slug.Trim();
        if (!SlugGenerator.IsValid(slug))
        {
            ModelState.AddModelError(nameof(input.Slug), $"Use lower-case letters, digits and single hyphens between them, e.g. \"{SlugGenerator.FromHeadline(input.Headline)}\".");
        }

        if (!Languages.IsSupported(language))
        {
            ModelState.AddModelError(nameof(input.Language), "Choose English or Korean.");
        }

        var sections = await Desk.ListSectionsAsync(cancellationToken);
        if (!sections.Any(s => s.Slug == input.SectionSlug))
        {
            ModelState.AddModelError(nameof(input.SectionSlug), "Choose a section.");
        }

        CheckNesting(input);

        var externalUrl = string.IsNullOrWhiteSpace(input.ExternalUrl) ? null : input.ExternalUrl.Trim();
        var externalTitle = string.IsNullOrWhiteSpace(input.ExternalTitle) ? null : input.ExternalTitle.Trim();
        if (input.CounterpartId is { } counterpartId)
        {
            if (externalUrl is not null)
            {
                ModelState.AddModelError(nameof(input.ExternalUrl), "Link either a piece of this archive or an external page, not both.");
            }
            else if (counterpartId == selfId)
            {
                ModelState.AddModelError(nameof(input.CounterpartId), "A piece cannot be its own counterpart.");
            }
            else if (await Desk.GetForEditAsync(counterpartId, cancellationToken) is not { } counterpart)
            {
                ModelState.AddModelError(nameof(input.CounterpartId), $"There is no piece {counterpartId} in the archive.");
            }
            else if (counterpart.Language == language)
            {
                ModelState.AddModelError(nameof(input.CounterpartId), $"Piece {counterpartId} is in the same language; the counterpart must be in the other one.");
            }
        }
        else if (externalUrl is not null)
        {
            if (!IsWebAddress(externalUrl))
            {
                ModelState.AddModelError(nameof(input.ExternalUrl), "Enter a full web address starting with http:// or https://.");
            }

            if (externalTitle is null)
            {
                ModelState.AddModelError(nameof(input.ExternalTitle), "Enter the title of the linked page.");
            }
        }
        else if (externalTitle is not null)
        {
            ModelState.AddModelError(nameof(input.ExternalUrl), "Enter the address of the linked page, or clear its title.");
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        return new ArticleContent(
            DeskText.Clean(input.Headline).Trim(), slug, language, input.SectionSlug, string.IsNullOrWhiteSpace(input.Byline) ? null : DeskText.Clean(input.Byline).Trim(),
            // Browsers send CRLF from a textarea; stored text uses LF, so an untouched body compares equal.
            DeskText.Clean(input.Body.ReplaceLineEndings("\n")), input.CounterpartId, input.CounterpartId is null ? externalUrl : null,
            input.CounterpartId is null ? DeskText.CleanOrNull(externalTitle) : null);
    }

    /// <summary>The preview, or none (with the message beside the body) when the body nests too deeply.</summary>
    private string? PreviewHtml(ArticleFormInput input) =>
        CheckNesting(input) ? markdown.RenderHtml(input.Body ?? "") : null;

    /// <summary>
    /// Refuses a body nested deeper than Desk:MaxMarkdownNesting, beside the field: deep nesting is never writing,
    /// and it is what makes Markdown parsing and rendering expensive. False when refused.
    /// </summary>
    private bool CheckNesting(ArticleFormInput input)
    {
        var limit = deskOptions.Value.MaxMarkdownNesting;
        if (input.Body is null || input.Body.Length > ArticleFormInput.MaxBodyLength)
        {
            return true; // the length check speaks for an oversized body
        }

        var depth = markdown.NestingDepth(input.Body);
        if (depth <= limit)
        {
            return true;
        }

        var shown = depth == int.MaxValue ? "more than a hundred" : depth.ToString(CultureInfo.InvariantCulture);
        ModelState.AddModelError(nameof(input.Body), $"The body nests quotes, lists or emphasis {shown} levels deep; use at most {limit} levels.");
        return false;
    }

    private string? RefusedMessage(string? refused) =>
        $"refused={refused}" == DeskFormLimitsFilter.RefusedQuery ? DeskFormLimitsFilter.RefusedMessage(deskOptions.Value.MaxFormBytes) : null;

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    private static ArticleFormInput WithSuggestedSlug(ArticleFormInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Slug))
        {
            input.Slug = SlugGenerator.FromHeadline(input.Headline);
        }

        return input;
    }

    private async Task<ArticleEditPageViewModel> NewPageAsync(ArticleFormInput input, string? previewHtml, string? error, CancellationToken cancellationToken) => new()
    {
        Title = "New piece",
        Input = input,
        Sections = await Desk.ListSectionsAsync(cancellationToken),
        PreviewHtml = previewHtml,
        Error = error,
        IsAdmin = User.IsInRole(EditorRoles.Admin),
        ZoneName = Time.Zone.Id,
        ShowTime = ShowTime,
    };

    private static DeskCursor? ParseCursor(string? text)
    {
        var separator = text?.LastIndexOf('_') ?? -1;
        if (separator <= 0
            || !long.TryParse(text![(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !DateTimeOffset.TryParseExact(text[..separator], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modifiedAt))
        {
            return null;
        }

        return new DeskCursor(modifiedAt, id);
    }

    private static string OlderUrl(DeskFilter filter, DeskListItem last)
    {
        var query = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("status", filter.Status);
        Add("language", filter.Language);
        Add("section", filter.SectionSlug);
        Add("q", filter.Text);
        Add("before", $"{UtcInstant.Format(last.ModifiedAt)}_{last.Id.ToString(CultureInfo.InvariantCulture)}");
        return "/admin?" + string.Join('&', query);
    }
}
