using System.Collections.Frozen;
using System.Globalization;

namespace ShenHou.Domain.Calendar;

/// <summary>The parsed calendar: which days are off (and for which holiday), which weekend days are worked.</summary>
internal sealed record CompiledCalendar(
    FrozenSet<int> Years,
    FrozenDictionary<DateOnly, HolidayEntry> Off,
    FrozenSet<DateOnly> Worked);

/// <summary>
/// Parses holidays.json and refuses an arrangement that cannot be right: an unparseable date, a range
/// that ends before it starts, a year listed twice, a day listed by two holidays or two years, a day
/// both off and worked, an adjusted working day that is not a weekend day, a date more than a year
/// away from its notice's year (a notice may reach into the neighbouring year, e.g. 31 December).
/// </summary>
internal static class CalendarIntegrity
{
    public static CompiledCalendar Compile(CalendarData data)
    {
        var problems = new List<string>();
        var years = new HashSet<int>();
        var off = new Dictionary<DateOnly, (HolidayEntry Holiday, string Where)>();
        var worked = new Dictionary<DateOnly, string>();

        foreach (var year in data.Years ?? [])
        {
            if (year is null) { problems.Add("an empty year entry"); continue; }
            if (!years.Add(year.Year)) problems.Add($"year {year.Year} is listed twice");
            if (string.IsNullOrWhiteSpace(year.Source)) problems.Add($"year {year.Year}: no source notice");
            foreach (var h in year.Holidays ?? [])
            {
                if (h is null) { problems.Add($"year {year.Year}: an empty holiday entry"); continue; }
                var where = $"{year.Year} {h.Name}";
                if (string.IsNullOrWhiteSpace(h.Name) || string.IsNullOrWhiteSpace(h.NameEn))
                    problems.Add($"{where}: a holiday needs its Chinese and English name");
                var from = Parse(h.From, where, year.Year, problems);
                var to = Parse(h.To, where, year.Year, problems);
                if (from is { } f && to is { } t)
                {
                    if (t < f) problems.Add($"{where}: ends {Show(t)} before it starts {Show(f)}");
                    for (var d = f; d <= t; d = d.AddDays(1))
                        if (!off.TryAdd(d, (h, where)))
                            problems.Add($"{Show(d)} is off in both {off[d].Where} and {where}");
                }
                foreach (var text in h.Worked ?? [])
                {
                    if (Parse(text, where, year.Year, problems) is not { } w) continue;
                    if (!worked.TryAdd(w, where))
                        problems.Add($"{Show(w)} is worked in both {worked[w]} and {where}");
                    if (w.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                        problems.Add($"{where}: adjusted working day {Show(w)} is a {w.DayOfWeek}, not a weekend day");
                }
            }
        }
        foreach (var (day, where) in worked.Where(w => off.ContainsKey(w.Key)))
            problems.Add($"{Show(day)} is both off ({off[day].Where}) and worked ({where})");
        if (years.Count == 0) problems.Add("no year is listed");

        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"working calendar is inconsistent: {string.Join("; ", problems)}");
        return new CompiledCalendar(
            years.ToFrozenSet(),
            off.ToFrozenDictionary(p => p.Key, p => p.Value.Holiday),
            worked.Keys.ToFrozenSet());
    }

    private static DateOnly? Parse(string? text, string where, int year, List<string> problems)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            problems.Add($"{where}: unparseable date '{text}' (expected yyyy-MM-dd)");
            return null;
        }
        if (Math.Abs(day.Year - year) > 1)
        {
            problems.Add($"{where}: {Show(day)} lies outside {year - 1}-{year + 1}");
            return null;
        }
        return day;
    }

    internal static string Show(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
