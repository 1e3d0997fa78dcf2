using EditorialArchive.Web.Articles;

namespace EditorialArchive.Tests.Unit;

public sealed class ArchiveTimeTests
{
    private static readonly ArchiveTime Seoul = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"));
    private static readonly DateTimeOffset SeedInstant = new(2023, 12, 14, 23, 9, 0, TimeSpan.Zero);

    [Fact]
    public void English_style_is_month_name_with_a_period_and_two_digit_day()
    {
        Assert.Equal("December. 15, 2023 08:09", Seoul.FormatDisplay(SeedInstant, "en"));
        Assert.Equal("January. 05, 2024 07:48", Seoul.FormatDisplay(new DateTimeOffset(2024, 1, 4, 22, 48, 0, TimeSpan.Zero), "en"));
    }

    [Fact]
    public void Korean_style_is_iso_date_and_time()
    {
        Assert.Equal("2023-12-15 08:09", Seoul.FormatDisplay(SeedInstant, "ko"));
    }

    [Fact]
    public void Machine_form_is_the_full_instant_with_the_zone_offset()
    {
        Assert.Equal("2023-12-15T08:09:00+09:00", Seoul.FormatMachine(SeedInstant));
        Assert.Equal(SeedInstant, DateTimeOffset.Parse(Seoul.FormatMachine(SeedInstant), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Another_configured_zone_shifts_the_shown_time_and_follows_daylight_saving()
    {
        var newYork = new ArchiveTime(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        Assert.Equal("December. 14, 2023 18:09", newYork.FormatDisplay(SeedInstant, "en"));
        Assert.Equal("2024-07-01T08:00:00-04:00", newYork.FormatMachine(new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("December. 15, 2023 08:09")]
    [InlineData("December 15, 2023 08:09")]
    [InlineData("Dec. 15, 2023 08:09")]
    [InlineData("2023-12-15 08:09")]
    public void Reads_back_the_page_styles_as_local_time(string text)
    {
        Assert.True(Seoul.TryParseDisplay(text, out var instant));
        Assert.Equal(SeedInstant, instant);
    }

    [Theory]
    [InlineData("15/12/2023 08:09")]
    [InlineData("December. 32, 2023 08:09")]
    [InlineData("yesterday")]
    public void Refuses_other_text(string text) => Assert.False(Seoul.TryParseDisplay(text, out _));
}
