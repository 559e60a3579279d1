using Marten;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Cases;
using ShenHou.Projections.Work;
using Wolverine;

namespace ShenHou.Api.Work;

/// <summary>Look for items whose 75% mark or deadline has passed without being recorded.</summary>
public sealed record SweepDeadlines;

/// <summary>Record what the clock says about one item (idempotent).</summary>
public sealed record CheckItemDeadline(Guid CaseId, string ItemCode);

/// <summary>
/// 限时办结 monitoring. The deadlines live in PostgreSQL as projected rows, derived from the events,
/// so they survive restarts and follow extensions; each sweep compares them with the injected clock
/// (see docs/adr/0003-deadline-sweeps.md).
/// </summary>
public static class DeadlineMonitorHandler
{
    public static async Task<OutgoingMessages> Handle(SweepDeadlines _, IQuerySession session, ServiceClock clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await session.Query<DepartmentWorkItem>()
            .Where(r => r.Open && ((r.WarnAt <= now && !r.ApproachingRecorded) || (r.DueAt < now && r.OverdueSince == null)))
            .Select(r => new { r.CaseId, r.ItemCode })
            .ToListAsync(ct);
        var messages = new OutgoingMessages();
        messages.AddRange(due.Select(r => new CheckItemDeadline(r.CaseId, r.ItemCode)));
        return messages;
    }

    public static async Task Handle(CheckItemDeadline check, IDocumentSession session, WorkingCalendar calendar,
        ServiceClock clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<Case>(check.CaseId, ct);
        if (stream.Aggregate is null) return;
        stream.AppendMany(CaseDecisions.CheckDeadline(stream.Aggregate, check.ItemCode, clock.GetUtcNow(), calendar));
    }
}

/// <summary>
/// The primary trigger: Wolverine messages scheduled for the two instants of a deadline, stored in
/// PostgreSQL by the durable local queue, so they fire after a restart too. The sweep stays as the
/// safety net and as what tests drive with a controlled clock.
/// </summary>
public static class DeadlineSchedule
{
    public static async ValueTask Schedule(IMessageBus bus, Guid caseId, string itemCode, DateTimeOffset warnAt, DateTimeOffset dueAt)
    {
        var check = new CheckItemDeadline(caseId, itemCode);
        await bus.ScheduleAsync(check, warnAt);
        await bus.ScheduleAsync(check, dueAt.AddSeconds(1));
    }
}

/// <summary>Runs a sweep every <c>Deadlines:SweepInterval</c> (default one minute; zero turns it off).</summary>
public sealed class DeadlineMonitorService(
    IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DeadlineMonitorService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Deadlines:SweepInterval", TimeSpan.FromMinutes(1));
        if (interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SweepDeadlines(), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Deadline sweep failed; the next tick tries again");
            }
        }
    }
}
