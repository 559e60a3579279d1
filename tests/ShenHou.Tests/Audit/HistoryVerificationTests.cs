using Alba;
using ShenHou.Domain.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Audit;

/// <summary>Every event is chained to the one before; edits, deletions and reorderings in SQL are found.</summary>
public sealed class HistoryVerificationTests(AppFixture app) : AuditTest(app)
{
    [Fact]
    public async Task an_untouched_history_verifies_with_one_hash_per_event()
    {
        var id = await CaseWithHistory();
        var history = await Api.History(id);

        var result = await Verification(id);
        Assert.True(result.Verified, result.Reason);
        Assert.Equal(history.Events.Count, result.Events);
        Assert.Null(result.FirstBrokenVersion);
        Assert.Null(result.Reason);
        Assert.Equal(history.Events.Count, await Scalar("select count(*) from shenhou.event_hashes where stream_id = $1", id));
        // Each row chains to the one before it.
        Assert.Equal(history.Events.Count - 1, await Scalar(
            """
            select count(*) from shenhou.event_hashes h join shenhou.event_hashes p
              on p.stream_id = h.stream_id and p.version = h.version - 1 and h.previous_hash = p.hash
            where h.stream_id = $1
            """, id));
    }

    [Fact]
    public async Task parallel_decisions_on_one_case_keep_one_unbroken_chain()
    {
        var created = await Api.Submit(Forms.For(Forms.AllItems));
        await Api.VerifyAll(created.Id);
        await Api.Accept(created.Id);
        await Api.Decide(created.Id, "DEATH_CERT");
        await Api.Issue(created.Id, "DEATH_CERT");
        var transferred = (await Api.Get(created.Id)).Items.Where(i => i.Status == ItemStatus.Transferred).Select(i => i.Code).ToArray();
        Assert.True(transferred.Length >= 10);

        await Task.WhenAll(transferred.Select(code => Api.Decide(created.Id, code)));
        await Task.WhenAll(transferred.Select(code => Api.Issue(created.Id, code)));

        var result = await Verification(created.Id);
        Assert.True(result.Verified, result.Reason);
        Assert.Equal((await Api.Get(created.Id)).Version, result.Events);
    }

    [Fact]
    public async Task writers_with_a_stale_version_leave_no_hash_behind()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT", "HUKOU_CANCEL"));
        await Api.VerifyAll(created.Id);
        await Api.Accept(created.Id);
        var version = (await Api.Get(created.Id)).Version;

        // Both items decided against the same version at once: one wins, the other is refused.
        var statuses = await Task.WhenAll(new[] { "DEATH_CERT", "HUKOU_CANCEL" }.Select(async item =>
        {
            var result = await Host.Scenario(s =>
            {
                s.Post.Json(new ShenHou.Api.Cases.DecideItem(true, null, version)).ToUrl($"/api/cases/{created.Id}/items/{item}/decision");
                s.As(Staff.ReviewerOf(item));
                s.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }));
        Assert.Contains(200, statuses);
        Assert.Contains(409, statuses);
        await Api.Refused(created.Id, $"/api/cases/{created.Id}/acceptance", new ShenHou.Api.Cases.AcceptCase(version), "stale-version");
        // The next write chains to the winner's committed hash, never to the refused writer's.
        await Api.Issue(created.Id, "DEATH_CERT"); // the one decided (HUKOU_CANCEL waits for it)

        var events = (await Api.History(created.Id)).Events.Count;
        Assert.Equal(events, await Scalar("select count(*) from shenhou.event_hashes where stream_id = $1", created.Id));
        var verification = await Verification(created.Id);
        Assert.True(verification.Verified, verification.Reason);
    }

    [Fact]
    public async Task an_edited_event_is_named()
    {
        var id = await CaseWithHistory();
        await Sql("""update shenhou.mt_events set data = jsonb_set(data, '{actor}', '"mallory"') where stream_id = $1 and version = 3""", id);
        await AssertBrokenAt(id, 3);
    }

    [Fact]
    public async Task an_event_edited_without_changing_its_meaning_in_json_is_still_found()
    {
        var id = await CaseWithHistory();
        // A new member the event type does not even have: deserialising would ignore it, the hash does not.
        await Sql("""update shenhou.mt_events set data = data || '{"note": "x"}' where stream_id = $1 and version = 5""", id);
        await AssertBrokenAt(id, 5);
    }

    [Fact]
    public async Task a_deleted_event_is_named()
    {
        var id = await CaseWithHistory();
        await Sql("delete from shenhou.mt_events where stream_id = $1 and version = 4", id);
        await AssertBrokenAt(id, 4);
    }

    [Fact]
    public async Task a_deleted_last_event_is_named_even_with_its_hash_row_gone()
    {
        var id = await CaseWithHistory();
        var last = (await Api.Get(id)).Version;
        await Sql("delete from shenhou.mt_events where stream_id = $1 and version = $2", id, last);
        await AssertBrokenAt(id, last);
        await Sql("delete from shenhou.event_hashes where stream_id = $1 and version = $2", id, last);
        await AssertBrokenAt(id, last); // the stream row still counts it
    }

    [Fact]
    public async Task reordered_events_are_named_at_the_first_swapped_version()
    {
        var id = await CaseWithHistory();
        await Sql(
            """
            update shenhou.mt_events e set data = o.data, type = o.type, mt_dotnet_type = o.mt_dotnet_type
            from shenhou.mt_events o
            where e.stream_id = $1 and o.stream_id = $1
              and ((e.version = 2 and o.version = 3) or (e.version = 3 and o.version = 2))
            """, id);
        await AssertBrokenAt(id, 2);
    }

    [Fact]
    public async Task a_tampered_hash_row_is_named()
    {
        var id = await CaseWithHistory();
        await Sql("update shenhou.event_hashes set hash = md5(hash) || md5(hash) where stream_id = $1 and version = 4", id);
        await AssertBrokenAt(id, 4);
    }

    [Fact]
    public async Task a_deleted_hash_row_is_named()
    {
        var id = await CaseWithHistory();
        await Sql("delete from shenhou.event_hashes where stream_id = $1 and version = 2", id);
        await AssertBrokenAt(id, 2);
    }

    [Fact]
    public async Task an_unknown_case_is_404()
    {
        await Host.Scenario(s =>
        {
            s.As(Staff.Auditor());
            s.Get.Url($"/api/cases/{Guid.NewGuid()}/history/verification");
            s.StatusCodeShouldBe(404);
        });
    }
}
