using Alba;
using ShenHou.Api.Cases;
using ShenHou.Api.Work;
using ShenHou.Domain.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Work;

/// <summary>Department queues, claims, and cases that end with a mixed outcome.</summary>
public sealed class ClaimAndQueueTests(AppFixture app) : ApiTest(app)
{
    private Task<Guid> Accepted(params string[] items) => Api.SubmitAndAccept(Forms.For(items));

    [Fact]
    public async Task two_reviewers_never_work_one_item()
    {
        var id = await Accepted("DEATH_CERT");
        await Api.Claim(id, "DEATH_CERT", "doctor-wang");
        await Api.Claim(id, "DEATH_CERT", "doctor-wang"); // one's own claim again changes nothing
        Assert.Single((await Api.History(id)).Events, e => e.Type == "ItemClaimed");

        var url = $"/api/cases/{id}/items/DEATH_CERT";
        await Api.Refused(id, $"{url}/claim", new ClaimItem(null), "item-claimed", "doctor-wang", actor: "doctor-li");
        await Api.Refused(id, $"{url}/decision", new DecideItem(true, null, null), "item-claimed", actor: "doctor-li");
        await Api.Refused(id, $"{url}/release", new ClaimItem(null), "item-claimed", actor: "doctor-li");
        Assert.Equal("doctor-wang", (await Api.Queue("HEALTH")).Items.Single().ClaimedBy);

        await Api.Release(id, "DEATH_CERT", "doctor-wang");
        await Api.Refused(id, $"{url}/release", new ClaimItem(null), "item-not-claimed", actor: "doctor-wang");
        await Api.Claim(id, "DEATH_CERT", "doctor-li");
        await Api.Decide(id, "DEATH_CERT", actor: "doctor-li");
        await Api.Issue(id, "DEATH_CERT", actor: "doctor-li");
        Assert.Empty((await Api.Queue("HEALTH")).Items);
        Assert.Null((await Api.Queue("HEALTH", "?status=Issued")).Items.Single().ClaimedBy);
    }

    [Fact]
    public async Task several_departments_decide_one_case_in_parallel_and_a_mixed_outcome_is_delivered()
    {
        var id = await Accepted("DEATH_CERT", "HUKOU_CANCEL", "DRIVING_LICENSE_CANCEL", "EQUITY_HEIR_QUERY", "SMALL_DEPOSIT_WITHDRAWAL");
        await Api.Decide(id, "DEATH_CERT");
        await Api.Issue(id, "DEATH_CERT");

        // Four departments at once: public security twice, market regulation, the bank.
        await Task.WhenAll(
            Api.Decide(id, "HUKOU_CANCEL"),
            Api.Decide(id, "DRIVING_LICENSE_CANCEL", approved: false, reason: "驾驶证已于2025年注销"),
            Api.Decide(id, "EQUITY_HEIR_QUERY"),
            Api.Decide(id, "SMALL_DEPOSIT_WITHDRAWAL", approved: false, reason: "存款超过小额提取上限，须办理继承公证"));
        await Task.WhenAll(Api.Issue(id, "HUKOU_CANCEL"), Api.Issue(id, "EQUITY_HEIR_QUERY"));

        Assert.Equal(CaseStatus.ReadyForDelivery, (await Api.Get(id)).Status);
        await Api.Deliver(id, DeliveryMethod.Window);
        var delivered = await Api.Get(id);
        Assert.Equal(CaseStatus.Delivered, delivered.Status);
        var outcome = delivered.Items.ToDictionary(i => i.Code);
        Assert.Equal("REF-HUKOU_CANCEL", outcome["HUKOU_CANCEL"].Result!.Reference);
        Assert.Equal("驾驶证已于2025年注销", outcome["DRIVING_LICENSE_CANCEL"].Decision!.Reason);
        Assert.False(outcome["SMALL_DEPOSIT_WITHDRAWAL"].Decision!.Approved);
        Assert.Equal([ItemStatus.Issued, ItemStatus.Issued, ItemStatus.Rejected, ItemStatus.Issued, ItemStatus.Rejected],
            delivered.Items.Select(i => i.Status));
    }

    [Fact]
    public async Task a_material_supplied_otherwise_keeps_items_alive_when_their_producer_is_rejected()
    {
        var id = await Accepted("DEATH_CERT", "HUKOU_CANCEL", "CREMATION_CERT");
        await Api.Command($"/api/cases/{id}/materials/DEATH_CERTIFICATE/supplied-otherwise",
            new SupplyMaterial("外院死亡医学证明 B-2026-0345", "家属已持有医院出具的死亡医学证明", null));
        var details = await Api.Get(id);
        Assert.All(details.Items, i => Assert.Equal(ItemStatus.Transferred, i.Status));

        await Api.Decide(id, "DEATH_CERT", approved: false, reason: "已由医院出具，无需重复");
        details = await Api.Get(id);
        Assert.Equal(ItemStatus.Transferred, details.Items.Single(i => i.Code == "HUKOU_CANCEL").Status);
        Assert.Equal("外院死亡医学证明 B-2026-0345", Assert.Single(details.SuppliedOtherwise).Reference);

        await Api.Refused(id, $"/api/cases/{id}/materials/DEATH_CERTIFICATE/supplied-otherwise",
            new SupplyMaterial("again", "again", null), "material-not-awaited");
    }

    [Fact]
    public async Task the_queue_is_ordered_by_deadline_filtered_and_paged()
    {
        // Three cases accepted a day apart: their DEATH_CERT deadlines are ordered by acceptance.
        var ids = new List<Guid>();
        foreach (var day in new[] { 3, 4, 7 })
        {
            App.Clock.Now = new DateTimeOffset(2026, 12, day, 10, 0, 0, TimeSpan.FromHours(8));
            ids.Add(await Accepted("DEATH_CERT", "DRIVING_LICENSE_CANCEL"));
        }
        var health = await Api.Queue("HEALTH");
        Assert.Equal(3, health.Total);
        Assert.Equal(ids, health.Items.Select(i => i.CaseId));
        Assert.True(health.Items.Zip(health.Items.Skip(1)).All(p => p.First.DueAt <= p.Second.DueAt));

        var page2 = await Api.Queue("HEALTH", "?pageSize=2&page=2");
        Assert.Equal((3, 2, 2), (page2.Total, page2.Page, page2.PageSize));
        Assert.Equal(ids[2], Assert.Single(page2.Items).CaseId);

        await Api.Decide(ids[0], "DEATH_CERT");
        Assert.Equal(ids[0], (await Api.Queue("HEALTH", "?status=Approved")).Items.Single().CaseId);
        Assert.Equal(2, (await Api.Queue("HEALTH", "?status=Transferred")).Total);
        // On Dec 8 the first two are past their deadlines (Dec 4 and Dec 7), the third is not.
        App.Clock.Now = new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(ids.Take(2), (await Api.Queue("HEALTH", "?overdue=true")).Items.Select(i => i.CaseId));
        Assert.Equal([ids[2]], (await Api.Queue("HEALTH", "?overdue=false")).Items.Select(i => i.CaseId));
        Assert.Equal(3, (await Api.Queue("PUBLIC_SECURITY")).Total);

        await Host.Scenario(s => { s.As(Staff.Reviewer("NOPE")); s.Get.Url("/api/departments/NOPE/queue"); s.StatusCodeShouldBe(404); });
        await Host.Scenario(s => { s.As(Staff.Reviewer("HEALTH")); s.Get.Url("/api/departments/HEALTH/queue?pageSize=101"); s.StatusCodeShouldBe(400); });
        await Host.Scenario(s => { s.As(Staff.Reviewer("HEALTH")); s.Get.Url("/api/departments/HEALTH/queue?page=0"); s.StatusCodeShouldBe(400); });
        await Host.Scenario(s => { s.As(Staff.Reviewer("HEALTH")); s.Get.Url("/api/departments/HEALTH/queue?status=Lost"); s.StatusCodeShouldBe(400); });
    }

    [Fact]
    public async Task withdrawing_a_case_empties_its_items_from_the_queues()
    {
        var id = await Accepted("DEATH_CERT", "DRIVING_LICENSE_CANCEL");
        Assert.Equal(1, (await Api.Queue("PUBLIC_SECURITY")).Total);
        await Api.Withdraw(id);
        Assert.Equal(0, (await Api.Queue("PUBLIC_SECURITY")).Total);
        Assert.Equal(0, (await Api.Queue("HEALTH")).Total);
    }
}
