namespace ShenHou.Domain.Calendar;

/// <summary>The whole calendar as stored in holidays.json: one entry per published year.</summary>
public sealed record CalendarData(IReadOnlyList<CalendarYear> Years);

/// <summary>
/// One year's arrangement (放假调休) as published by the State Council. Loading a year makes it
/// confirmed; years not listed count weekends only.
/// </summary>
/// <param name="Source">The notice the dates were taken from (title, number, publication date).</param>
public sealed record CalendarYear(int Year, string Source, IReadOnlyList<HolidayEntry> Holidays);

/// <summary>
/// One holiday: the days off <paramref name="From"/>..<paramref name="To"/> (inclusive, yyyy-MM-dd)
/// and the weekend days worked in exchange (调休上班). Dates are kept as text so that a bad date is
/// reported by name when the calendar is loaded.
/// </summary>
public sealed record HolidayEntry(
    string Name,
    string NameEn,
    string From,
    string To,
    IReadOnlyList<string>? Worked = null);

/// <summary>
/// A time limit's deadline: <paramref name="DueAt"/> is 23:59:59 +08:00 of the last working day
/// of the limit; the item is overdue when now &gt; DueAt. <paramref name="Confirmed"/> is false
/// when a day counted lies in a year whose arrangement is not loaded (weekends only were counted).
/// </summary>
public sealed record Deadline(DateTimeOffset DueAt, bool Confirmed)
{
    /// <summary>The working day the deadline falls on, in China Standard Time.</summary>
    public DateOnly Day => ChinaStandardTime.DayOf(DueAt);

    public bool IsOverdue(DateTimeOffset now) => now > DueAt;
}
