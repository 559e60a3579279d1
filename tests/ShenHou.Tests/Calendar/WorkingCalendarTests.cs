using ShenHou.Domain.Calendar;

namespace ShenHou.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.LoadEmbedded();
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static DateOnly D(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
    private static DateTimeOffset At(string day, int hour = 10, int minute = 0) =>
        new(D(day).ToDateTime(new TimeOnly(hour, minute)), China);
    private static DateTimeOffset EndOf(string day) => new(D(day).ToDateTime(new TimeOnly(23, 59, 59)), China);

    [Theory]
    [InlineData("2026-10-01"), InlineData("2026-10-04"), InlineData("2026-10-07")] // National Day
    [InlineData("2026-02-15"), InlineData("2026-02-18"), InlineData("2026-02-23")] // Spring Festival, incl. Mon 23
    [InlineData("2026-01-01"), InlineData("2026-01-02"), InlineData("2026-09-25")] // New Year, Mid-Autumn (Fri)
    [InlineData("2026-05-04"), InlineData("2026-05-05"), InlineData("2026-06-19")] // Labour Day, Dragon Boat
    [InlineData("2026-10-11"), InlineData("2026-03-01")] // an ordinary Sunday
    [InlineData("2025-10-08"), InlineData("2025-01-28")]
    public void Holidays_and_ordinary_weekends_are_off(string day) => Assert.False(Calendar.IsWorkingDay(D(day)));

    [Theory]
    [InlineData("2026-09-20"), InlineData("2026-10-10")] // Sun, Sat worked for National Day
    [InlineData("2026-02-14"), InlineData("2026-02-28")] // Saturdays worked for Spring Festival
    [InlineData("2026-01-04"), InlineData("2026-05-09")] // Sun (New Year), Sat (Labour Day)
    [InlineData("2026-09-30"), InlineData("2026-10-08"), InlineData("2026-12-04")] // ordinary weekdays
    [InlineData("2025-09-28"), InlineData("2025-10-11"), InlineData("2025-01-26")]
    public void Adjusted_and_ordinary_working_days_are_worked(string day) => Assert.True(Calendar.IsWorkingDay(D(day)));

    [Fact]
    public void Holiday_days_name_their_holiday()
    {
        Assert.Equal("国庆节", Calendar.HolidayOn(D("2026-10-03"))?.Name);
        Assert.Equal("Spring Festival", Calendar.HolidayOn(D("2026-02-20"))?.NameEn);
        Assert.Null(Calendar.HolidayOn(D("2026-10-11")));
    }

    [Fact]
    public void Only_2025_and_2026_are_confirmed()
    {
        Assert.Equal([2025, 2026], Calendar.ConfirmedYears);
        Assert.True(Calendar.IsConfirmed(D("2026-12-31")));
        Assert.False(Calendar.IsConfirmed(2027));
        Assert.False(Calendar.IsConfirmed(D("2024-12-31")));
    }

    [Fact]
    public void A_transfer_before_National_Day_crosses_the_holiday()
    {
        // Sep 30 does not count; Oct 1-7 off; Oct 8 = 1, Oct 9 = 2, Sat Oct 10 (adjusted) = 3.
        var due = Calendar.DueAfter(At("2026-09-30", 16), 3);
        Assert.Equal(EndOf("2026-10-10"), due.DueAt);
        Assert.Equal(China, due.DueAt.Offset);
        Assert.Equal(D("2026-10-10"), due.Day);
        Assert.True(due.Confirmed);
        Assert.False(due.IsOverdue(EndOf("2026-10-10")));
        Assert.True(due.IsOverdue(At("2026-10-11", 0)));
    }

    [Fact]
    public void The_start_day_is_taken_in_China_time()
    {
        // 2026-09-29T16:30Z is Sep 30 00:30 in China: same as above.
        Assert.Equal(EndOf("2026-10-10"), Calendar.DueAfter(new DateTimeOffset(2026, 9, 29, 16, 30, 0, TimeSpan.Zero), 3).DueAt);
        // 2026-09-29T15:30Z is Sep 29 23:30 in China: Sep 30 = 1, Oct 8 = 2, Oct 9 = 3.
        Assert.Equal(EndOf("2026-10-09"), Calendar.DueAfter(new DateTimeOffset(2026, 9, 29, 15, 30, 0, TimeSpan.Zero), 3).DueAt);
    }

    [Fact]
    public void One_day_from_a_Friday_is_the_Monday() =>
        Assert.Equal(EndOf("2026-12-07"), Calendar.DueAfter(At("2026-12-04", 9), 1).DueAt);

    [Theory]
    [InlineData("2026-02-12", 2, "2026-02-14")] // Fri 13 = 1, Sat 14 (adjusted) = 2
    [InlineData("2026-02-13", 3, "2026-02-25")] // Sat 14 = 1, Feb 15-23 off, Tue 24 = 2, Wed 25 = 3
    [InlineData("2026-02-24", 5, "2026-03-02")] // 25, 26, 27, Sat 28 (adjusted), Mon Mar 2
    [InlineData("2025-12-31", 2, "2026-01-05")] // Jan 1-3 off, Sun Jan 4 (adjusted) = 1, Mon 5 = 2
    public void Spring_Festival_and_New_Year_are_crossed(string start, int days, string due)
    {
        var deadline = Calendar.DueAfter(At(start), days);
        Assert.Equal(EndOf(due), deadline.DueAt);
        Assert.True(deadline.Confirmed);
    }

    [Fact]
    public void Years_not_loaded_count_weekends_only_and_are_unconfirmed()
    {
        Assert.True(Calendar.IsWorkingDay(D("2027-01-01"))); // New Year's Day 2027 is not published yet
        Assert.True(Calendar.IsWorkingDay(D("2027-10-01")));
        Assert.False(Calendar.IsWorkingDay(D("2027-10-02"))); // a Saturday

        var crossing = Calendar.DueAfter(At("2026-12-31"), 1);
        Assert.Equal(EndOf("2027-01-01"), crossing.DueAt);
        Assert.False(crossing.Confirmed);

        var in2027 = Calendar.DueAfter(At("2027-10-01"), 1); // Fri -> Mon
        Assert.Equal(EndOf("2027-10-04"), in2027.DueAt);
        Assert.False(in2027.Confirmed);

        // The start day does not count, so neither does its (unloaded) year.
        Assert.True(Calendar.DueAfter(At("2024-12-31"), 1).Confirmed); // Jan 1 2025 off, due Jan 2
        Assert.Equal(EndOf("2025-01-02"), Calendar.DueAfter(At("2024-12-31"), 1).DueAt);
    }

    [Fact]
    public void Three_quarters_of_four_days_is_the_end_of_the_third_working_day()
    {
        // Mon Mar 2: Tue = 1, Wed = 2, Thu = 3, Fri = 4; 75% elapsed at Thu 24:00.
        Assert.Equal(At("2026-03-06", 0), Calendar.AtFraction(At("2026-03-02", 9), 4, 0.75));
        // Across National Day: Oct 8, 9, Sat 10, Mon 12; 75% at Sat 10 24:00 (a Sunday's 00:00).
        var start = At("2026-09-30", 15);
        Assert.Equal(At("2026-10-11", 0), Calendar.AtFraction(start, 4, 0.75));
        Assert.Equal(EndOf("2026-10-12"), Calendar.DueAfter(start, 4).DueAt);
        Assert.Equal(At("2026-10-09", 12), Calendar.AtFraction(start, 3, 0.5)); // 1.5 days
        Assert.Equal(start, Calendar.AtFraction(start, 3, 0));
    }

    [Fact]
    public void The_whole_limit_runs_out_one_second_after_DueAt()
    {
        var start = At("2026-09-30", 15);
        Assert.Equal(Calendar.DueAfter(start, 3).DueAt.AddSeconds(1), Calendar.AtFraction(start, 3, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AtFraction(start, 3, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AtFraction(start, 3, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.DueAfter(start, 0));
    }

    [Fact]
    public void Working_days_between_skip_weekends_and_the_start_day()
    {
        // Fri 10:00 -> Mon 12:00: Friday is the start day, Sat and Sun are off, half of Monday.
        Assert.Equal(0.5, Calendar.WorkingDaysBetween(At("2026-12-04", 10), At("2026-12-07", 12)), 9);
        Assert.Equal(1, Calendar.WholeWorkingDaysBetween(At("2026-12-04", 10), At("2026-12-07", 12)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(At("2026-12-04", 10), At("2026-12-06", 23)));
    }

    [Fact]
    public void Working_days_between_skip_a_holiday()
    {
        // Sep 30 15:00 -> Oct 9 06:00: Oct 1-7 off, Oct 8 whole, 6 h of Oct 9.
        var from = At("2026-09-30", 15);
        Assert.Equal(1.25, Calendar.WorkingDaysBetween(from, At("2026-10-09", 6)), 9);
        Assert.Equal(2, Calendar.WholeWorkingDaysBetween(from, At("2026-10-09", 6)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(from, At("2026-10-07", 23)));
        Assert.Equal(3, Calendar.WholeWorkingDaysBetween(from, Calendar.DueAfter(from, 3).DueAt));
    }

    [Fact]
    public void Whole_working_days_count_at_least_one_once_time_has_passed()
    {
        var from = At("2026-12-01", 10);
        Assert.Equal(0, Calendar.WholeWorkingDaysBetween(from, from));
        Assert.Equal(0, Calendar.WorkingDaysBetween(from, from.AddHours(-1)));
        Assert.Equal(0, Calendar.WholeWorkingDaysBetween(from, from.AddHours(-1)));
        Assert.Equal(1, Calendar.WholeWorkingDaysBetween(from, At("2026-12-01", 15))); // same day
        Assert.Equal(1, Calendar.WholeWorkingDaysBetween(from, At("2026-12-02", 23))); // first working day
        Assert.Equal(1, Calendar.WholeWorkingDaysBetween(from, At("2026-12-03", 0)));  // exactly 24:00
        Assert.Equal(2, Calendar.WholeWorkingDaysBetween(from, At("2026-12-03", 0, 1)));
    }
}
