using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.Integration;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Cases;
using ShenHou.Tests.Support;
using Wolverine;
using Wolverine.Runtime;
using Wolverine.Tracking;

namespace ShenHou.Tests.Integration;

/// <summary>
/// Transfers reach the departments' platforms through the durable outbox: signed, retried while a
/// platform is down, exactly once in effect, and dead-lettered when they keep failing. The tests wait
/// on Wolverine's tracked sessions, never on the clock.
/// </summary>
public sealed class OutboundPushTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task every_transfer_is_pushed_signed_to_its_department_and_issuing_pushes_what_it_releases()
    {
        var id = Guid.Empty;
        await Tracked(async () => id = await Api.SubmitAndAccept(Forms.For("DEATH_CERT", "DRIVING_LICENSE_CANCEL", "HUKOU_CANCEL")));

        var transfers = await Transfers(id);
        Assert.Equal(["DEATH_CERT", "DRIVING_LICENSE_CANCEL"], transfers.Values.Select(t => t.ItemCode).Order());
        Assert.Equal(transfers.Keys.Order(), Platform.Taken.Keys.Order());
        Assert.Equal(0, Platform.BadSignatures);
        var death = Platform.Taken.Values.Single(p => p.ItemCode == "DEATH_CERT");
        var transfer = transfers[death.PushId];
        Assert.Equal(new DepartmentPush(death.PushId, id, transfer.CaseNumber, "620100", "DEATH_CERT", "HEALTH", transfer.At,
            transfer.DueAt, transfer.DueConfirmed, "/api/integration/departments/HEALTH/results"), death);

        await Tracked(async () =>
        {
            await Api.Decide(id, "DEATH_CERT");
            await Api.Issue(id, "DEATH_CERT");
        });
        var hukou = Assert.Single(Platform.Taken.Values, p => p.ItemCode == "HUKOU_CANCEL");
        Assert.Equal("PUBLIC_SECURITY", hukou.Department);
        Assert.Equal(3, Platform.Deliveries.Count);
    }

    [Fact]
    public async Task a_platform_down_then_up_gets_every_push_exactly_once_in_effect()
    {
        // Down for the first four requests, then up; and one answer is lost on its way back, so that
        // push arrives twice. No push can meet more failures than it has retries.
        Platform.RefuseNext(4);
        Platform.LoseNextAnswers(1);

        var id = Guid.Empty;
        await Tracked(async () =>
        {
            id = await Api.SubmitAndAccept(Forms.For(Forms.AllItems));
            await Api.Decide(id, "DEATH_CERT");
            await Api.Issue(id, "DEATH_CERT"); // releases most of the others at once
        });

        var transfers = await Transfers(id);
        Assert.True(transfers.Count >= 10, $"{transfers.Count} items transferred");
        Assert.Equal(4, Platform.Refused);
        Assert.Equal(transfers.Keys.Order(), Platform.Taken.Keys.Order()); // every one arrived, none invented
        Assert.Equal(transfers.Count + 1, Platform.Deliveries.Count);       // at least once on the wire ...
        Assert.All(Platform.Deliveries.GroupBy(d => d.PushId), repeats =>    // ... and every repeat the same push
            Assert.Single(repeats.Distinct()));
        Assert.Empty(await DeadLetterList(Staff.Supervisor()));
    }

    [Fact]
    public async Task a_push_commits_or_rolls_back_with_its_events()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT", "DRIVING_LICENSE_CANCEL"));
        await Api.VerifyAll(created.Id);
        // Two writers accept the same case from the same version: the second to commit loses at COMMIT,
        // after its pushes were already queued into its transaction.
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var calendar = Host.Services.GetRequiredService<WorkingCalendar>();
        var stamp = new Stamp("window-01", Fixture.Clock.GetUtcNow());
        await using var winner = store.LightweightSession();
        await using var loser = store.LightweightSession();
        var won = await winner.Events.FetchForWriting<Case>(created.Id);
        var lost = await loser.Events.FetchForWriting<Case>(created.Id);
        won.AppendMany(CaseDecisions.Accept(won.Aggregate!, stamp, calendar));
        lost.AppendMany(CaseDecisions.Accept(lost.Aggregate!, stamp, calendar));

        await Tracked(() => winner.SaveChangesAsync());
        await Tracked(() => Assert.ThrowsAnyAsync<Exception>(() => loser.SaveChangesAsync()));

        var transfers = await Transfers(created.Id);
        Assert.Equal(2, transfers.Count);
        Assert.Equal(transfers.Keys.Order(), Platform.Taken.Keys.Order());
        Assert.Equal(2, Platform.Deliveries.Count);
        var stored = await Host.Services.GetRequiredService<IWolverineRuntime>().Storage.Admin.AllIncomingAsync();
        Assert.Equal(2, stored.Count(e => e.MessageType!.Contains(nameof(DepartmentPush)))); // the loser's never existed
    }

    [Fact]
    public async Task pushes_that_keep_failing_are_dead_letters_a_supervisor_lists_and_replays()
    {
        Platform.Down = true;
        var id = Guid.Empty;
        await Tracked(async () => id = await Api.SubmitAndAccept(Forms.For("DEATH_CERT", "DRIVING_LICENSE_CANCEL")));

        var letters = await DeadLetterList(Staff.Supervisor());
        Assert.Equal(["DEATH_CERT", "DRIVING_LICENSE_CANCEL"], letters.Select(l => l.ItemCode).Order());
        Assert.All(letters, l => Assert.Contains(nameof(DepartmentUnavailableException), l.ExceptionType));
        Assert.Equal(2 * (PlatformFixture.Retries + 1), Platform.Refused); // every retry, then the dead letter
        Assert.Equal((await Transfers(id)).Keys.Order(), letters.Select(l => l.PushId).Order());
        Assert.Empty(await DeadLetterList(Staff.Supervisor("620200"))); // another region's supervisor
        Assert.Single(await DeadLetterList(Staff.Supervisor(), "?department=HEALTH"));

        Platform.Up();
        var death = letters.Single(l => l.ItemCode == "DEATH_CERT");
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).WaitForExecutionOf<DepartmentPush>()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => Host.Scenario(s =>
            {
                s.Post.Url($"/api/integration/dead-letters/{death.Id}/replay");
                s.As(Staff.Supervisor());
                s.StatusCodeShouldBe(202);
            })));

        Assert.Equal([death.PushId], Platform.Taken.Keys);
        Assert.Equal(["DRIVING_LICENSE_CANCEL"], (await DeadLetterList(Staff.Supervisor())).Select(l => l.ItemCode));
        var driving = letters.Single(l => l.ItemCode == "DRIVING_LICENSE_CANCEL");
        foreach (var (letter, staff) in new[] { (Guid.NewGuid(), Staff.Supervisor()), (driving.Id, Staff.Supervisor("620200")) })
            await Host.Scenario(s =>
            {
                s.Post.Url($"/api/integration/dead-letters/{letter}/replay");
                s.As(staff);
                s.StatusCodeShouldBe(404); // unknown, or another region's: the same answer
            });
    }

    private Task<ITrackedSession> Tracked(Func<Task> action) =>
        Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => action()));

    private async Task<IReadOnlyList<DeadLetter>> DeadLetterList(Staff staff, string query = "") =>
        (await Api.GetAs<DeadLetterList>($"/api/integration/dead-letters{query}", staff)).Items;

    /// <summary>The case's transfers by event id (the push id).</summary>
    private async Task<Dictionary<Guid, ItemTransferred>> Transfers(Guid caseId)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(caseId);
        return events.Where(e => e.Data is ItemTransferred).ToDictionary(e => e.Id, e => (ItemTransferred)e.Data);
    }
}
