using ShenHou.Domain.Calendar;

namespace ShenHou.Api.Infrastructure;

internal static class CalendarSetup
{
    /// <summary>
    /// The embedded calendar, or the file at <c>Calendar:Path</c>: a newly published year's holidays
    /// can be loaded without a new build.
    /// </summary>
    public static WorkingCalendar Load(IConfiguration configuration)
    {
        var path = configuration["Calendar:Path"];
        if (string.IsNullOrWhiteSpace(path)) return WorkingCalendar.LoadEmbedded();
        using var file = File.OpenRead(path);
        return WorkingCalendar.Load(file);
    }
}
