using ShenHou.Domain.Calendar;

namespace ShenHou.Tests.Calendar;

/// <summary>Seeded random starts and limits: the deadline and the working-time measures agree.</summary>
public class DeadlinePropertyTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.LoadEmbedded();

    public static TheoryData<int> Seeds => new() { 20260930, 20260215, 7, 42 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_deadline_is_the_Nth_working_day_after_the_start_day(int seed)
    {
        var random = new Random(seed);
        var first = new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 500; i++)
        {
            // Any instant from Dec 2024 to mid 2027, seen from any UTC offset.
            var offset = TimeSpan.FromMinutes(15 * random.Next(-48, 57));
            var start = first.AddMinutes(random.Next(0, 60 * 24 * 940)).ToOffset(offset);
            var n = random.Next(1, 31);

            var deadline = Calendar.DueAfter(start, n);
            var startDay = ChinaStandardTime.DayOf(start);
            var dueDay = deadline.Day;

            Assert.Equal(ChinaStandardTime.Offset, deadline.DueAt.Offset);
            Assert.Equal(new TimeOnly(23, 59, 59), TimeOnly.FromDateTime(deadline.DueAt.DateTime));
            Assert.True(Calendar.IsWorkingDay(dueDay), $"{start:o} + {n}: {dueDay} is not a working day");
            var counted = Enumerable.Range(1, dueDay.DayNumber - startDay.DayNumber)
                .Select(startDay.AddDays).ToArray();
            Assert.Equal(n, counted.Count(Calendar.IsWorkingDay));
            Assert.Equal(counted.All(Calendar.IsConfirmed), deadline.Confirmed);

            Assert.Equal(deadline.DueAt.AddSeconds(1), Calendar.AtFraction(start, n, 1.0));
            Assert.Equal(n, Calendar.WholeWorkingDaysBetween(start, deadline.DueAt));
            Assert.Equal(n, Calendar.WorkingDaysBetween(start, deadline.DueAt.AddSeconds(1)), 9);

            var fraction = random.NextDouble();
            var at = Calendar.AtFraction(start, n, fraction);
            Assert.InRange(at, start, deadline.DueAt.AddSeconds(1));
            Assert.Equal(fraction * n, Calendar.WorkingDaysBetween(start, at), 6);
        }
    }
}
