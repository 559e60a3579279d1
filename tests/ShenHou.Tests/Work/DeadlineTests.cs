using Alba;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.Work;
using ShenHou.Domain.Cases;
using ShenHou.Tests.Support;
using Wolverine;
using Wolverine.Persistence.Durability;
using Wolverine.Tracking;

namespace ShenHou.Tests.Work;

/// <summary>限时办结: deadlines in working days, checks at 75% and 100% with a controlled clock.</summary>
public sealed class DeadlineTests(AppFixture app) : ApiTest(app)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private async Task<Guid> AcceptedAt(DateTimeOffset at, params string[] items)
    {
        App.Clock.Now = at;
        return await Api.SubmitAndAccept(Forms.For(items) with { Deceased = Forms.Deceased() with { DiedAt = at.AddDays(-2) } });
    }

    private static Task Sweep(IAlbaHost host) => host.InvokeMessageAndWaitAsync(new SweepDeadlines());

    [Fact]
    public async Task a_transfer_before_national_day_is_due_after_the_holiday()
    {
        var id = await AcceptedAt(new DateTimeOffset(2026, 9, 30, 10, 0, 0, China), "DEATH_CERT", "HUKOU_CANCEL");
        var details = await Api.Get(id);
        var deathCert = details.Items.Single(i => i.Code == "DEATH_CERT");
        // Sep 30 does not count; Oct 1-7 are off; Oct 8 is the first working day.
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 23, 59, 59, China), deathCert.DueAt);
        Assert.True(deathCert.DueConfirmed);
        Assert.Null(details.Items.Single(i => i.Code == "HUKOU_CANCEL").DueAt); // waiting: its clock has not started

        // HUKOU_CANCEL's clock starts when the death certificate is issued, on Friday Oct 9; Oct 10 is a working Saturday.
        App.Clock.Now = new DateTimeOffset(2026, 10, 9, 9, 0, 0, China);
        await Api.Decide(id, "DEATH_CERT");
        await Api.Issue(id, "DEATH_CERT");
        var hukou = (await Api.Get(id)).Items.Single(i => i.Code == "HUKOU_CANCEL");
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 23, 59, 59, China), hukou.DueAt);
        // The case's deadline is the longest chain (1 + 1 working days) from acceptance.
        Assert.Equal(new DateTimeOffset(2026, 10, 9, 23, 59, 59, China), details.DueAt);
    }

    [Fact]
    public async Task approaching_at_75_percent_and_overdue_at_100_percent_each_recorded_once()
    {
        // Thursday 10:00; DRIVING_LICENSE_CANCEL has one working day: Friday. 75% of it is Friday 18:00.
        var id = await AcceptedAt(AppFixture.Start, "DRIVING_LICENSE_CANCEL", "DEATH_CERT");
        var item = (await Api.Get(id)).Items.Single(i => i.Code == "DRIVING_LICENSE_CANCEL");
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 18, 0, 0, China), item.WarnAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 23, 59, 59, China), item.DueAt);

        App.Clock.Now = new DateTimeOffset(2026, 12, 4, 17, 59, 0, China);
        await Sweep(Host);
        Assert.DoesNotContain((await Api.History(id)).Events, e => e.Type is "ItemDeadlineApproaching" or "ItemOverdue");

        App.Clock.Now = new DateTimeOffset(2026, 12, 4, 18, 0, 0, China);
        await Sweep(Host);
        await Sweep(Host);
        var approaching = (await Api.History(id)).Events.Where(e => e.Type == "ItemDeadlineApproaching").ToArray();
        Assert.Equal(2, approaching.Length); // both items: DEATH_CERT has the same one-day limit
        Assert.All(approaching, e => Assert.Equal(CaseDecisions.DeadlineMonitor, e.Actor));
        Assert.Empty(await Overdue());

        App.Clock.Now = new DateTimeOffset(2026, 12, 5, 0, 0, 1, China);
        await Api.Decide(id, "DEATH_CERT"); // approved but not issued: still open
        await Sweep(Host);
        await Sweep(Host);
        var history = (await Api.History(id)).Events;
        Assert.Equal(2, history.Count(e => e.Type == "ItemOverdue"));
        Assert.Equal(2, history.Count(e => e.Type == "ItemDeadlineApproaching"));
        Assert.Equal(["DEATH_CERT", "DRIVING_LICENSE_CANCEL"], await Overdue());
        var details = await Api.Get(id);
        Assert.All(details.Items, i => Assert.NotNull(i.OverdueSince));

        var queue = await Api.Queue("PUBLIC_SECURITY", "?overdue=true");
        Assert.Equal("DRIVING_LICENSE_CANCEL", Assert.Single(queue.Items).ItemCode);
        Assert.True(queue.Items[0].Overdue);
    }

    private async Task<string[]> Overdue() =>
        (await Api.Escalations()).Items.Select(i => i.ItemCode).Order().ToArray();

    [Fact]
    public async Task the_checks_still_fire_after_the_service_restarts()
    {
        var id = await AcceptedAt(AppFixture.Start, "DRIVING_LICENSE_CANCEL");

        // Another process (the service after a restart) finds the deadlines in the database.
        App.Clock.Now = new DateTimeOffset(2026, 12, 4, 19, 0, 0, China);
        await using (var restarted = await App.StartHost())
            await Sweep(restarted);
        App.Clock.Now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, China);
        await using (var again = await App.StartHost())
            await Sweep(again);

        var history = (await Api.History(id)).Events;
        Assert.Single(history, e => e.Type == "ItemDeadlineApproaching");
        Assert.Single(history, e => e.Type == "ItemOverdue");
    }

    [Fact]
    public async Task each_deadline_is_also_two_durable_scheduled_checks_in_postgresql()
    {
        // A month ahead of the real clock, so the scheduled checks wait in the database.
        var at = DateTimeOffset.UtcNow.AddDays(30).ToOffset(China);
        var id = await AcceptedAt(new DateTimeOffset(at.Year, at.Month, at.Day, 10, 0, 0, China), "DRIVING_LICENSE_CANCEL");
        var item = (await Api.Get(id)).Items.Single();
        await Projected();

        // Another process (the service after a restart) finds them in PostgreSQL.
        await using var restarted = await App.StartHost();
        var stored = await restarted.Services.GetRequiredService<IMessageStore>().Admin.AllIncomingAsync();
        var checks = stored.Where(e => e.MessageType!.Contains(nameof(CheckItemDeadline)) && e.Status == EnvelopeStatus.Scheduled
                && System.Text.Encoding.UTF8.GetString(e.Data ?? []).Contains(id.ToString()))
            .Select(e => e.ScheduledTime!.Value).Order().ToArray();
        Assert.Equal([item.WarnAt!.Value, item.DueAt!.Value.AddSeconds(1)], checks.Select(c => c.ToOffset(China)));
    }

    [Fact]
    public async Task an_extension_moves_the_deadline_clears_overdue_and_is_reported()
    {
        var id = await AcceptedAt(AppFixture.Start, "DRIVING_LICENSE_CANCEL");
        App.Clock.Now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, China);
        await Sweep(Host);
        Assert.Single((await Api.Escalations()).Items);

        await Api.Extend(id, "DRIVING_LICENSE_CANCEL", 3, "驾驶人信息需外省核实", "supervisor-620100-01");
        var item = (await Api.Get(id)).Items.Single();
        // One day plus three, from Thursday Dec 3: Fri 4, Mon 7, Tue 8, Wed 9.
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 23, 59, 59, China), item.DueAt);
        Assert.Null(item.OverdueSince);
        var extension = Assert.Single(item.Extensions);
        Assert.Equal((3, "驾驶人信息需外省核实", "supervisor-620100-01"), (extension.ExtraWorkingDays, extension.Reason, extension.ApprovedBy));
        Assert.Empty((await Api.Escalations()).Items);
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 23, 59, 59, China), (await Api.Get(id)).DueAt);

        App.Clock.Now = new DateTimeOffset(2026, 12, 10, 9, 0, 0, China);
        await Sweep(Host);
        Assert.Equal(2, (await Api.History(id)).Events.Count(e => e.Type == "ItemOverdue"));
    }

    [Fact]
    public async Task extensions_need_a_reason_an_approver_and_a_sane_length()
    {
        var id = await AcceptedAt(AppFixture.Start, "DRIVING_LICENSE_CANCEL");
        await Host.Scenario(s =>
        {
            s.As(Staff.ReviewerOf("DRIVING_LICENSE_CANCEL"));
            s.Post.Json(new ExtendDeadline(0, "x", "y", null)).ToUrl($"/api/cases/{id}/items/DRIVING_LICENSE_CANCEL/deadline-extensions");
            s.ShouldReturnValidationProblem().WithValidationError("workingDays", "延长天数须为1至60个工作日 / between 1 and 60 working days");
        });
        await Host.Scenario(s =>
        {
            s.As(Staff.ReviewerOf("DRIVING_LICENSE_CANCEL"));
            s.Post.Json(new ExtendDeadline(2, "x", null, null)).ToUrl($"/api/cases/{id}/items/DRIVING_LICENSE_CANCEL/deadline-extensions");
            s.ShouldReturnValidationProblem().WithValidationError("approvedBy", "延期须经批准 / an extension needs its approver");
        });
        await Api.Decide(id, "DRIVING_LICENSE_CANCEL");
        await Api.Issue(id, "DRIVING_LICENSE_CANCEL");
        await Api.Refused(id, $"/api/cases/{id}/items/DRIVING_LICENSE_CANCEL/deadline-extensions",
            new ExtendDeadline(2, "x", "y", null), "case-wrong-status");
    }
}
