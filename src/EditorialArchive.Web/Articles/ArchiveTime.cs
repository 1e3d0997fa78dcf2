using System.Globalization;
using EditorialArchive.Web.Configuration;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Articles;

/// <summary>
/// Shows stored UTC instants in the newsroom's time zone, in each edition's house style:
/// English "December. 15, 2023 08:09", Korean "2023-12-15 08:09".
/// </summary>
public sealed class ArchiveTime
{
    public ArchiveTime(IOptions<ArchiveOptions> options)
        : this(TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone))
    {
    }

    public ArchiveTime(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The date and time as the page prints it.</summary>
    public string FormatDisplay(DateTimeOffset instant, string language)
    {
        var local = ToLocal(instant);
        return language == Languages.Korean
            ? local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            // The English edition writes the full month name followed by a period.
            : local.ToString("MMMM'. 'dd', 'yyyy' 'HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The full ISO-8601 instant with the zone's offset, for <c>&lt;time datetime&gt;</c>.</summary>
    public string FormatMachine(DateTimeOffset instant) =>
        ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Reads a page-text timestamp such as "December. 15, 2023 08:09" or "2023-12-15 08:09", local to the zone.</summary>
    public bool TryParseDisplay(string text, out DateTimeOffset instant)
    {
        string[] formats = ["MMMM'. 'd', 'yyyy' 'HH:mm", "MMMM' 'd', 'yyyy' 'HH:mm", "MMM'. 'd', 'yyyy' 'HH:mm", "yyyy-MM-dd' 'HH:mm"];
        if (DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var offset = Zone.GetUtcOffset(local);
            instant = new DateTimeOffset(local, offset).ToUniversalTime();
            return true;
        }

        instant = default;
        return false;
    }
}
