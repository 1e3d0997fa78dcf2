using System.Globalization;

namespace EditorialArchive.Web.Articles;

/// <summary>Instants as editors type them: a wall-clock time (<c>2026-03-02T09:30</c>) in the newsroom's zone.</summary>
public static class LocalTimeInput
{
    public const string Format = "yyyy-MM-dd'T'HH:mm";

    private static readonly string[] Accepted = [Format, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd' 'HH:mm"];

    /// <summary>Reads what a <c>datetime-local</c> field sends; false for text that is not such a time or a time the zone skips.</summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        instant = default;
        if (!DateTime.TryParseExact(text?.Trim(), Accepted, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year is < 2 or > 9998 // the zone's offset would carry the instant out of DateTimeOffset's range
            || zone.IsInvalidTime(local))
        {
            return false;
        }

        instant = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    /// <summary>The value a <c>datetime-local</c> field shows for <paramref name="instant"/>.</summary>
    public static string ToInput(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(Format, CultureInfo.InvariantCulture);
}
