using System.Globalization;

namespace ShenHou.Domain.Calendar;

/// <summary>China Standard Time: a fixed UTC+08:00 offset, no daylight saving.</summary>
public static class ChinaStandardTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The calendar day <paramref name="instant"/> falls on in China.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>A day as the API writes it, <c>yyyy-MM-dd</c>; null for anything else.</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    /// <summary>00:00 +08:00 of <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), Offset);
}
