using ShenHou.Domain.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Cases;

public sealed class LifecycleTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task all_fourteen_items_run_from_submission_to_delivery_in_the_waiting_order()
    {
        var created = await Api.Submit(Forms.For(Forms.AllItems));
        Assert.Matches(@"^620100-20261203-00001$", created.CaseNumber);
        // The submission, then the registries' verdicts on the shared materials.
        Assert.Equal(created.Version, (await Api.History(created.Id)).Events.Count);

        var submitted = await Api.Get(created.Id);
        Assert.Equal(CaseStatus.Submitted, submitted.Status);
        Assert.All(submitted.Items, i => Assert.Equal(ItemStatus.Pending, i.Status));
        // The death certificate is produced in the case, so nobody hands it in or verifies it.
        var deathCertificate = submitted.Materials.Single(m => m.Code == "DEATH_CERTIFICATE");
        Assert.Equal((MaterialStatus.NotRequired, MaterialSource.ProducedInCase), (deathCertificate.Status, deathCertificate.Source));

        await Api.VerifyAll(created.Id);
        await Api.Accept(created.Id);

        var accepted = await Api.Get(created.Id);
        Assert.Equal(CaseStatus.Accepted, accepted.Status);
        foreach (var item in accepted.Items)
            Assert.Equal(item.WaitingFor.Count == 0 ? ItemStatus.Transferred : ItemStatus.Waiting, item.Status);
        Assert.Equal(ItemStatus.Waiting, accepted.Items.Single(i => i.Code == "HUKOU_CANCEL").Status);
        Assert.Contains("INHERITANCE_NOTARIZATION", accepted.Items.Single(i => i.Code == "HOUSING_FUND_WITHDRAWAL").WaitingFor);

        // Work whatever is transferred, round by round, as the departments would.
        var rounds = 0;
        while ((await Api.Get(created.Id)).Items.Where(i => i.Status == ItemStatus.Transferred).Select(i => i.Code).ToArray()
               is { Length: > 0 } transferred)
        {
            rounds++;
            foreach (var code in transferred)
            {
                await Api.Decide(created.Id, code);
                await Api.Issue(created.Id, code);
            }
        }
        Assert.True(rounds >= 3, "DEATH_CERT -> INHERITANCE_NOTARIZATION -> HOUSING_FUND_WITHDRAWAL takes three rounds");

        var ready = await Api.Get(created.Id);
        Assert.Equal(CaseStatus.ReadyForDelivery, ready.Status);
        Assert.All(ready.Items, i => Assert.Equal(ItemStatus.Issued, i.Status));
        Assert.All(ready.Items, i => Assert.Equal($"REF-{i.Code}", i.Result!.Reference));

        var delivered = await Api.Deliver(created.Id);
        var final = await Api.Get(created.Id);
        Assert.Equal(CaseStatus.Delivered, final.Status);
        Assert.Equal(delivered.Version, final.Version);

        // The history proves the order: nothing was transferred before what it waits for was issued.
        var history = (await Api.History(created.Id)).Events;
        Assert.Equal(final.Version, history.Count);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(v => (long)v), history.Select(e => e.Version));
        long Position(string type, string item) => history.Single(e =>
            e.Type == type && e.Data.GetProperty("itemCode").GetString() == item).Version;
        foreach (var item in final.Items)
            foreach (var prerequisite in item.WaitingFor)
                Assert.True(Position("ItemIssued", prerequisite) < Position("ItemTransferred", item.Code),
                    $"{item.Code} was transferred before {prerequisite} was issued");
        Assert.Equal(CaseApi.Actor, history[0].Actor);
        Assert.Equal("reviewer-DEATH_CERT", history.Single(e => e.Type == "ItemApproved"
            && e.Data.GetProperty("itemCode").GetString() == "DEATH_CERT").Actor);
        Assert.Equal("CaseSubmitted", history[0].Type);
        // One request, one correlation id: acceptance and the transfers it made share it.
        var acceptance = history.Single(e => e.Type == "CaseAccepted");
        Assert.False(string.IsNullOrEmpty(acceptance.CorrelationId));
        var transfersAtAcceptance = history.SkipWhile(e => e != acceptance).Skip(1).TakeWhile(e => e.Type == "ItemTransferred").ToArray();
        Assert.NotEmpty(transfersAtAcceptance);
        Assert.All(transfersAtAcceptance, e => Assert.Equal(acceptance.CorrelationId, e.CorrelationId));
        Assert.NotEqual(history[0].CorrelationId, acceptance.CorrelationId);
        Assert.Equal("CaseDelivered", history[^1].Type);
    }

    [Fact]
    public async Task a_rejected_item_closes_the_items_waiting_for_it_and_the_case_still_reaches_delivery()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT", "HUKOU_CANCEL", "DRIVING_LICENSE_CANCEL"));
        await Api.VerifyAll(created.Id);
        await Api.Accept(created.Id);

        await Api.Decide(created.Id, "DEATH_CERT", approved: false, reason: "死亡原因待公安机关调查");
        await Api.Decide(created.Id, "DRIVING_LICENSE_CANCEL");
        await Api.Issue(created.Id, "DRIVING_LICENSE_CANCEL");

        var details = await Api.Get(created.Id);
        var hukou = details.Items.Single(i => i.Code == "HUKOU_CANCEL");
        Assert.Equal(ItemStatus.Rejected, hukou.Status);
        Assert.Contains("DEATH_CERT", hukou.Decision!.Reason);
        Assert.Equal(CaseStatus.ReadyForDelivery, details.Status);
    }

    [Fact]
    public async Task a_withdrawn_case_takes_no_more_commands()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT"));
        await Api.Withdraw(created.Id, "家属决定自行办理");

        var details = await Api.Get(created.Id);
        Assert.Equal(CaseStatus.Withdrawn, details.Status);
        Assert.Equal("家属决定自行办理", details.WithdrawalReason);
        var history = await Api.History(created.Id);
        Assert.Equal("家属决定自行办理", history.Events[^1].Reason);
    }

    [Fact]
    public async Task case_numbers_count_per_region_and_day_in_china_time()
    {
        var first = await Api.Submit(Forms.For("DEATH_CERT"));
        var second = await Api.Submit(Forms.For("DEATH_CERT"));
        var other = await Api.Submit(Forms.For("DEATH_CERT") with { RegionCode = "620200" });
        // 2026-12-03 16:30 UTC is already 2026-12-04 in Lanzhou.
        App.Clock.Now = new DateTimeOffset(2026, 12, 3, 16, 30, 0, TimeSpan.Zero);
        var nextDay = await Api.Submit(Forms.For("DEATH_CERT"));

        Assert.Equal("620100-20261203-00001", first.CaseNumber);
        Assert.Equal("620100-20261203-00002", second.CaseNumber);
        Assert.Equal("620200-20261203-00001", other.CaseNumber);
        Assert.Equal("620100-20261204-00001", nextDay.CaseNumber);
    }
}
