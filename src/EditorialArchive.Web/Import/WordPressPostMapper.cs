using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;

namespace EditorialArchive.Web.Import;

/// <summary>How the importer reads one site's export (the verb's options).</summary>
public sealed record WordPressImportOptions
{
    /// <summary>Category (name or slug, any case) → section slug; a category named like a section needs no entry.</summary>
    public IReadOnlyDictionary<string, string> SectionMap { get; init; } = new Dictionary<string, string>();

    /// <summary>The section of a post none of whose categories is mapped.</summary>
    public string DefaultSection { get; init; } = "column";

    /// <summary>The zone of the site's local times (<c>post_date</c>), used when the GMT time is missing.</summary>
    public TimeZoneInfo SiteZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The old site's permalink structure (<c>/%year%/%monthnum%/%postname%/</c>), or null.</summary>
    public string? Permalinks { get; init; }

    public bool DryRun { get; init; }
}

/// <summary>A post mapped to a piece: what the archive will store, and the hash that says whether it changed.</summary>
public sealed record ImportedPiece(
    long SourceId,
    string? Guid,
    string Slug,
    string Language,
    string Headline,
    string SectionSlug,
    string? Byline,
    string BodyMarkdown,
    string Status,
    DateTimeOffset? PublishAt,
    DateTimeOffset? PostedAt,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<string> FormerSlugs,
    string? TranslationGroup,
    IReadOnlyList<string> LegacyPaths)
{
    public string ContentHash { get; } = Hash(
        Slug, Language, Headline, SectionSlug, Byline, BodyMarkdown, Status, Format(PublishAt), Format(PostedAt), Format(UpdatedAt),
        string.Join('\u001f', FormerSlugs), TranslationGroup, string.Join('\u001f', LegacyPaths));

    private static string? Format(DateTimeOffset? instant) => instant is { } value ? UtcInstant.Format(value) : null;

    private static string Hash(params string?[] fields)
    {
        var text = string.Join('\u001e', fields.Select(field => field ?? "\u0000"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}

/// <summary>A post the import leaves out, and why (its post type, or what was wrong with it).</summary>
public sealed record SkippedItem(string Reason);

/// <summary>
/// Maps one export item to a piece of the archive (or says why it is skipped): status, times, slug and former slugs,
/// byline, section, language, translation group, body, and the old site's addresses. Warnings go to the report with
/// the item's id.
/// </summary>
public sealed class WordPressPostMapper(WordPressImportOptions options, WordPressImportReport report)
{
    private const string ZeroDate = "0000-00-00 00:00:00";
    private const int MaxHeadlineLength = 500;

    private readonly WordPressHtmlConverter html = new();

    public WordPressImportReport Report => report;
    private readonly PermalinkTemplate? permalinks = options.Permalinks is { } template ? new PermalinkTemplate(template) : null;

    /// <summary>An <see cref="ImportedPiece"/>, or a <see cref="SkippedItem"/>.</summary>
    public object Map(WxrItem item, WxrChannel channel)
    {
        if (item.PostType != "post")
        {
            return new SkippedItem(string.IsNullOrEmpty(item.PostType) ? "no post type" : item.PostType);
        }

        var status = Status(item);
        var headline = Headline(item);
        var body = html.ToMarkdown(item.Content);
        var (posted, modified) = (Instant(item, item.PostDateGmt, item.PostDate, "post_date"), Instant(item, item.PostModifiedGmt, item.PostModified, null));
        DateTimeOffset? publishAt = null, postedAt = null, updatedAt = null;
        if (status == ArticleStatus.Published)
        {
            if (posted is null)
            {
                report.Warn(item.PostId, "published without a date: kept as a draft");
                status = ArticleStatus.Draft;
            }
            else
            {
                postedAt = posted;
                updatedAt = modified is { } m && m > posted ? m : posted;
            }
        }
        else if (status == ArticleStatus.Scheduled)
        {
            publishAt = posted;
            if (posted is null)
            {
                report.Warn(item.PostId, "scheduled without a date: kept as a draft");
                status = ArticleStatus.Draft;
            }
        }

        if (item.Excerpt.Trim().Length > 0)
        {
            report.CountExcerptNotKept();
        }

        var slug = Slug(item, headline);
        var language = Language(item, headline, body);
        var formerSlugs = item.Meta
            .Where(meta => meta.Key == "_wp_old_slug" && meta.Value.Trim().Length > 0)
            .Select(meta => SlugGenerator.FromHeadline(Decode(meta.Value.Trim())))
            .Where(former => former != slug)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new ImportedPiece(
            item.PostId,
            item.Guid,
            slug,
            language,
            headline,
            Section(item),
            Byline(item, channel),
            body,
            status,
            publishAt,
            postedAt,
            updatedAt,
            formerSlugs,
            item.Terms.FirstOrDefault(term => term.Domain == "post_translations")?.Nicename is { Length: > 0 } group ? group : null,
            LegacyPaths(item, channel, status, formerSlugs));
    }

    private string Status(WxrItem item)
    {
        var status = item.Status switch
        {
            "publish" => ArticleStatus.Published,
            "future" => ArticleStatus.Scheduled,
            "draft" or "pending" or "auto-draft" => ArticleStatus.Draft,
            "private" => ArticleStatus.Draft, // never public here
            "trash" => ArticleStatus.Trashed,
            _ => null,
        };
        if (status is null)
        {
            report.Warn(item.PostId, $"unknown status '{item.Status}': kept as a draft");
            return ArticleStatus.Draft;
        }

        // A password-protected post was not for every reader: it waits for an editor instead.
        if (item.PostPassword.Length > 0 && status is ArticleStatus.Published or ArticleStatus.Scheduled)
        {
            report.Warn(item.PostId, "password-protected: kept as a draft");
            return ArticleStatus.Draft;
        }

        return status;
    }

    private string Headline(WxrItem item)
    {
        // Titles come HTML-escaped (and sometimes with tags): the archive keeps plain text.
        var headline = html.ToPlainText(item.Title).Normalize(NormalizationForm.FormC);
        if (headline.Length == 0)
        {
            report.Warn(item.PostId, "no title: headline '(untitled)'");
            return "(untitled)";
        }

        if (headline.Length > MaxHeadlineLength)
        {
            report.Warn(item.PostId, $"title of {headline.Length} characters cut to {MaxHeadlineLength}");
            var cut = MaxHeadlineLength;
            if (char.IsLowSurrogate(headline[cut]))
            {
                cut--; // keep a 4-byte character whole
            }

            headline = headline[..cut].TrimEnd();
        }

        return headline;
    }

    /// <summary>The slug as WordPress had it (decoded, Korean kept), made valid when it is not.</summary>
    private string Slug(WxrItem item, string headline)
    {
        var decoded = Decode(item.PostName).Normalize(NormalizationForm.FormC);
        if (SlugGenerator.IsValid(decoded))
        {
            return decoded;
        }

        var made = SlugGenerator.FromHeadline(decoded.Length > 0 ? decoded : headline);
        if (decoded.Length > 0 && made != decoded.ToLowerInvariant())
        {
            report.Warn(item.PostId, $"slug '{decoded}' is not valid here: '{made}'");
        }

        return made;
    }

    private static string Decode(string slug)
    {
        try
        {
            return WellFormedText.Of(Uri.UnescapeDataString(slug));
        }
        catch (UriFormatException)
        {
            return WellFormedText.Of(slug);
        }
    }

    private string Language(WxrItem item, string headline, string body)
    {
        // Polylang and WPML give each post a term of the 'language' taxonomy (slug en, ko, ko-kr, …).
        var term = item.Terms.FirstOrDefault(t => t.Domain == "language");
        if (term is not null)
        {
            var code = (term.Nicename.Length > 0 ? term.Nicename : term.Name).ToLowerInvariant();
            if (code.StartsWith("ko", StringComparison.Ordinal) || code.StartsWith("kr", StringComparison.Ordinal) || term.Name.Contains("한국어", StringComparison.Ordinal))
            {
                return Languages.Korean;
            }

            if (code.StartsWith("en", StringComparison.Ordinal))
            {
                return Languages.English;
            }

            report.Warn(item.PostId, $"language '{term.Nicename}' is neither English nor Korean: decided by its script");
        }

        return HangulShare(headline + " " + body) >= 0.3 ? Languages.Korean : Languages.English;
    }

    /// <summary>Hangul letters among all letters of the text.</summary>
    public static double HangulShare(string text)
    {
        int letters = 0, hangul = 0;
        foreach (var ch in text)
        {
            if (char.IsLetter(ch))
            {
                letters++;
                if (ch is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F')
                {
                    hangul++;
                }
            }
        }

        return letters == 0 ? 0 : (double)hangul / letters;
    }

    private string Section(WxrItem item)
    {
        string? section = null;
        foreach (var term in item.Terms.Where(t => t.Domain == "category"))
        {
            var mapped = options.SectionMap.GetValueOrDefault(term.Name) ?? options.SectionMap.GetValueOrDefault(term.Nicename);
            if (mapped is not null)
            {
                section ??= mapped;
            }
            else
            {
                report.CountUnknownCategory(term.Name.Length > 0 ? term.Name : term.Nicename);
            }
        }

        foreach (var term in item.Terms.Where(t => t.Domain == "post_tag"))
        {
            report.CountTag(term.Name.Length > 0 ? term.Name : term.Nicename);
        }

        return section ?? options.DefaultSection;
    }

    private static string? Byline(WxrItem item, WxrChannel channel)
    {
        if (string.IsNullOrWhiteSpace(item.Creator))
        {
            return null;
        }

        var name = channel.Authors.GetValueOrDefault(item.Creator) ?? item.Creator;
        name = WellFormedText.Of(name).Normalize(NormalizationForm.FormC).Trim();
        return name.Length == 0 ? null : name;
    }

    private DateTimeOffset? Instant(WxrItem item, string? gmt, string? local, string? field)
    {
        if (TryParse(gmt, out var utc))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero);
        }

        // WordPress leaves post_date_gmt at zero for drafts and for posts imported without it: post_date is the site's local time.
        if (TryParse(local, out var localTime))
        {
            var offset = options.SiteZone.IsInvalidTime(localTime) ? options.SiteZone.BaseUtcOffset : options.SiteZone.GetUtcOffset(localTime);
            return new DateTimeOffset(localTime, offset).ToUniversalTime();
        }

        if (field is not null && item.Status is "publish" or "future")
        {
            report.Warn(item.PostId, $"no valid {field} ('{gmt}', '{local}')");
        }

        return null;
    }

    private static bool TryParse(string? text, out DateTime value)
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && text != ZeroDate
            && DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private List<string> LegacyPaths(WxrItem item, WxrChannel channel, string status, IReadOnlyList<string> formerSlugs)
    {
        var paths = new List<string>();
        var basePath = BasePath(channel);
        // ?p=ID answers on every WordPress site, whatever its permalinks.
        paths.Add(LegacyAddresses.Normalize(basePath + "/?p=" + item.PostId.ToString(CultureInfo.InvariantCulture)));
        if (permalinks is not null && status == ArticleStatus.Published && TryParse(item.PostDate, out var local))
        {
            var category = item.Terms.FirstOrDefault(t => t.Domain == "category")?.Nicename ?? "uncategorized";
            foreach (var name in new[] { Decode(item.PostName) }.Concat(formerSlugs).Where(name => name.Length > 0).Distinct(StringComparer.Ordinal))
            {
                paths.Add(LegacyAddresses.Normalize(basePath + permalinks.Expand(local, name, item.PostId, Decode(category), item.Creator ?? "")));
            }
        }

        return [.. paths.Distinct(StringComparer.Ordinal)];
    }

    private static string BasePath(WxrChannel channel) =>
        Uri.TryCreate(channel.Source, UriKind.Absolute, out var uri) ? Decode(uri.AbsolutePath).TrimEnd('/') : "";
}
