using System.Text.Json;
using static ShenHou.Domain.Calendar.ChinaStandardTime;

namespace ShenHou.Domain.Calendar;

/// <summary>
/// Working days in China, from the State Council's published arrangement (holidays.json), with no
/// clock inside. All day arithmetic is in China Standard Time (+08:00). The rules (docs/calendar.md):
/// <list type="bullet">
/// <item>A listed holiday day is off; a listed adjusted working day (调休上班, always a weekend day)
/// is worked; otherwise Monday-Friday are worked and weekends are off. A year that is not loaded
/// counts weekends only and is unconfirmed.</item>
/// <item>A time limit of N working days starting at <c>start</c>: the day of <c>start</c> never
/// counts, whatever the hour; the deadline is 23:59:59 +08:00 of the Nth working day after it.</item>
/// <item>Working time: each working day is 24 working hours, 00:00-24:00 +08:00; non-working days
/// contribute nothing. Time is measured from 00:00 of the day after the start day, so the rest of
/// the start day never counts either. The whole limit therefore runs out at 24:00 of the Nth working
/// day = DueAt + 1 second = <c>AtFraction(start, N, 1.0)</c>, the first instant of being overdue.</item>
/// </list>
/// </summary>
public sealed class WorkingCalendar
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan LastSecond = TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1);
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    private readonly CompiledCalendar _compiled;

    public WorkingCalendar(CalendarData data)
    {
        Data = data;
        _compiled = CalendarIntegrity.Compile(data);
    }

    public CalendarData Data { get; }

    /// <summary>The years whose arrangement is loaded, ascending.</summary>
    public IReadOnlyList<int> ConfirmedYears => _compiled.Years.Order().ToArray();

    public bool IsConfirmed(int year) => _compiled.Years.Contains(year);

    public bool IsConfirmed(DateOnly day) => IsConfirmed(day.Year);

    public bool IsWorkingDay(DateOnly day) =>
        !_compiled.Off.ContainsKey(day)
        && (_compiled.Worked.Contains(day) || day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The holiday <paramref name="day"/> is a day off of, if any (weekends are not holidays).</summary>
    public HolidayEntry? HolidayOn(DateOnly day) => _compiled.Off.GetValueOrDefault(day);

    /// <summary>
    /// The deadline of a time limit of <paramref name="workingDays"/> (at least 1) starting at
    /// <paramref name="start"/>: the start day (in +08:00) does not count; due at 23:59:59 +08:00 of
    /// the Nth working day after it. Unconfirmed when any day from the day after the start day
    /// through the due day lies in a year that is not loaded.
    /// </summary>
    public Deadline DueAfter(DateTimeOffset start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = DayOf(start);
        var confirmed = true;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            confirmed &= IsConfirmed(day);
            if (IsWorkingDay(day)) counted++;
        }
        return new Deadline(StartOf(day) + LastSecond, confirmed);
    }

    /// <summary>
    /// The instant at which <paramref name="fraction"/> (0..1) of a limit of
    /// <paramref name="workingDays"/> starting at <paramref name="start"/> has elapsed, counting working
    /// time only (24 h per working day, from 00:00 of the day after the start day). The earliest such
    /// instant: 0.75 of 4 days is 24:00 of the 3rd working day (00:00 of the next calendar day), and
    /// 1.0 is DueAt + 1 second. A fraction of 0 is <paramref name="start"/> itself.
    /// </summary>
    public DateTimeOffset AtFraction(DateTimeOffset start, int workingDays, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        if (!(fraction is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "a fraction lies in 0..1");
        var remaining = (long)Math.Round(fraction * workingDays * TicksPerDay);
        if (remaining == 0) return start;
        for (var day = DayOf(start).AddDays(1); ; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            if (remaining <= TicksPerDay) return StartOf(day).AddTicks(remaining);
            remaining -= TicksPerDay;
        }
    }

    /// <summary>
    /// Working time between two instants, in working days (24 h per working day), measured like a
    /// time limit started at <paramref name="from"/>: only working days after the day of
    /// <paramref name="from"/> count. 0 when <paramref name="to"/> &lt;= <paramref name="from"/>.
    /// <c>WorkingDaysBetween(s, AtFraction(s, n, f)) == f * n</c>.
    /// </summary>
    public double WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to) =>
        WorkingTicks(from, to) / (double)TicksPerDay;

    /// <summary>
    /// <see cref="WorkingDaysBetween"/> rounded up to whole working days, and at least 1 when
    /// <paramref name="to"/> &gt; <paramref name="from"/>: a case delivered on its start day or within
    /// its first working day counts 1; delivered during the Nth working day, N. 0 when to &lt;= from.
    /// </summary>
    public int WholeWorkingDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return 0;
        var ticks = WorkingTicks(from, to);
        return (int)Math.Max(1, (ticks + TicksPerDay - 1) / TicksPerDay);
    }

    /// <summary>
    /// All working time between two instants in working days, the first day's share included: for
    /// measuring a pause inside a clock that is already running (a correction round).
    /// </summary>
    public double WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        long ticks = 0;
        for (var day = DayOf(from); to > from && StartOf(day) < to; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            var start = StartOf(day) > from ? StartOf(day) : from;
            var end = StartOf(day).AddDays(1) < to ? StartOf(day).AddDays(1) : to;
            ticks += (end - start).Ticks;
        }
        return ticks / (double)TicksPerDay;
    }

    private long WorkingTicks(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return 0;
        long ticks = 0;
        for (var day = DayOf(from).AddDays(1); StartOf(day) < to; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            var dayStart = StartOf(day);
            var end = to < dayStart.AddDays(1) ? to : dayStart.AddDays(1);
            ticks += (end - dayStart).Ticks;
        }
        return ticks;
    }

    /// <summary>The calendar shipped with this build (src/ShenHou.Domain/Calendar/holidays.json).</summary>
    public static WorkingCalendar LoadEmbedded()
    {
        using var stream = typeof(WorkingCalendar).Assembly
            .GetManifestResourceStream("ShenHou.Domain.Calendar.holidays.json")
            ?? throw new InvalidOperationException("holidays.json is not embedded in ShenHou.Domain");
        return Load(stream);
    }

    /// <summary>Reads a calendar in the holidays.json format, e.g. a file a host is configured with.</summary>
    public static WorkingCalendar Load(Stream json)
    {
        CalendarData? data;
        try
        {
            data = JsonSerializer.Deserialize<CalendarData>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"working calendar is not valid holidays.json: {e.Message}", e);
        }
        return new WorkingCalendar(data ?? throw new InvalidOperationException("working calendar is empty"));
    }
}
