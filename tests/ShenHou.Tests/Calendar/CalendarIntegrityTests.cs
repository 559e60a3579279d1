using System.Text;
using ShenHou.Domain.Calendar;

namespace ShenHou.Tests.Calendar;

public class CalendarIntegrityTests
{
    private static WorkingCalendar Load(string json) => WorkingCalendar.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static string Year(int year, string holidays, string source = "notice") =>
        $$"""{ "year": {{year}}, "source": "{{source}}", "holidays": [ {{holidays}} ] }""";

    private static string Holiday(string from, string to, params string[] worked) =>
        $$"""{ "name": "国庆节", "nameEn": "National Day", "from": "{{from}}", "to": "{{to}}", "worked": [{{string.Join(", ", worked.Select(w => $"\"{w}\""))}}] }""";

    private static string Calendar(params string[] years) => $$"""{ "years": [ {{string.Join(", ", years)}} ] }""";

    private static void Refused(string json, string problem)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Load(json));
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void The_embedded_calendar_passes() => Assert.Equal(2, WorkingCalendar.LoadEmbedded().Data.Years.Count);

    [Fact]
    public void A_calendar_loaded_from_a_stream_replaces_the_embedded_one()
    {
        var calendar = Load(Calendar(Year(2027, Holiday("2027-10-01", "2027-10-07", "2027-10-09"))));
        Assert.True(calendar.IsConfirmed(2027));
        Assert.False(calendar.IsConfirmed(2026));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 10, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 10, 9))); // a Saturday worked
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 1))); // 2026 not loaded: a Thursday
    }

    [Fact]
    public void A_day_both_off_and_worked_is_refused() =>
        Refused(Calendar(Year(2026, Holiday("2026-10-01", "2026-10-07", "2026-10-03"))),
            "2026-10-03 is both off (2026 国庆节) and worked (2026 国庆节)");

    [Fact]
    public void An_adjusted_working_day_on_a_weekday_is_refused() =>
        Refused(Calendar(Year(2026, Holiday("2026-10-01", "2026-10-07", "2026-10-12"))),
            "adjusted working day 2026-10-12 is a Monday, not a weekend day");

    [Fact]
    public void A_year_listed_twice_is_refused() =>
        Refused(Calendar(Year(2026, Holiday("2026-10-01", "2026-10-07")), Year(2026, "")), "year 2026 is listed twice");

    [Fact]
    public void Years_whose_days_overlap_are_refused() =>
        Refused(Calendar(Year(2026, Holiday("2026-12-31", "2027-01-01")), Year(2027, Holiday("2027-01-01", "2027-01-03"))),
            "2027-01-01 is off in both 2026 国庆节 and 2027 国庆节");

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026/10/01")]
    [InlineData("1 Oct 2026")]
    public void An_unparseable_date_is_refused(string date) =>
        Refused(Calendar(Year(2026, Holiday(date, "2026-10-07"))), $"unparseable date '{date}'");

    [Fact]
    public void A_range_ending_before_it_starts_is_refused() =>
        Refused(Calendar(Year(2026, Holiday("2026-10-07", "2026-10-01"))), "ends 2026-10-01 before it starts 2026-10-07");

    [Fact]
    public void A_date_far_from_its_year_is_refused() =>
        Refused(Calendar(Year(2026, Holiday("2028-10-01", "2028-10-07"))), "2028-10-01 lies outside 2025-2027");

    [Fact]
    public void A_year_without_its_source_notice_is_refused() =>
        Refused(Calendar(Year(2026, Holiday("2026-10-01", "2026-10-07"), source: " ")), "year 2026: no source notice");

    [Fact]
    public void Invalid_json_or_no_years_is_refused()
    {
        Refused("{ \"years\": [ ", "not valid holidays.json");
        Refused("""{ "years": [] }""", "no year is listed");
        Refused("null", "working calendar is empty");
    }
}
