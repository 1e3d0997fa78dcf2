using EditorialArchive.Web.Articles;

namespace EditorialArchive.Web.Reading;

/// <summary>Days and months of the newsroom's calendar (Archive:TimeZone) as UTC ranges [start, end).</summary>
public sealed class ArchiveCalendar(ArchiveTime time, TimeProvider clock)
{
    public const int FirstYear = 1900;
    public const int LastYear = 9998;

    public static bool IsValidYear(int year) => year is >= FirstYear and <= LastYear;

    public DateOnly Today => DateOnly.FromDateTime(time.ToLocal(clock.GetUtcNow()).DateTime);

    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, time.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public (DateTimeOffset Start, DateTimeOffset End) Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return (StartOf(first), StartOf(first.AddMonths(1)));
    }

    /// <summary>From the start of <paramref name="from"/> to the end of <paramref name="to"/>, both local days.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Days(DateOnly from, DateOnly to) => (StartOf(from), StartOf(to.AddDays(1)));

    /// <summary>Today's date in each of the <paramref name="years"/> earlier years (29 February only in leap years).</summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> SameDayInEarlierYears(int years)
    {
        var today = Today;
        for (var back = 1; back <= years; back++)
        {
            var year = today.Year - back;
            if (year < FirstYear || (today.Month == 2 && today.Day == 29 && !DateTime.IsLeapYear(year)))
            {
                continue;
            }

            var day = new DateOnly(year, today.Month, today.Day);
            yield return Days(day, day);
        }
    }
}
