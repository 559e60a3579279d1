using Alba;
using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Cases;

/// <summary>Every transition the case's state does not allow is a 409 that names why, and writes nothing.</summary>
public sealed class RefusalTests(AppFixture app) : ApiTest(app)
{
    private Task Refused(Guid id, string url, object body, string rule, string? detailContains = null) =>
        Api.Refused(id, url, body, rule, detailContains);

    private Task<Guid> Accepted(params string[] items) => Api.SubmitAndAccept(Forms.For(items));

    [Fact]
    public async Task deciding_an_item_that_waits_for_another_is_refused()
    {
        var id = await Accepted("DEATH_CERT", "HUKOU_CANCEL");
        await Refused(id, $"/api/cases/{id}/items/HUKOU_CANCEL/decision", new DecideItem(true, null, null),
            "item-waiting", "DEATH_CERT");
    }

    [Fact]
    public async Task acceptance_with_unverified_or_failed_materials_is_refused_and_names_them()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT", "HUKOU_CANCEL"));
        await Api.Verify(created.Id, "APPLICANT_ID");
        await Api.Verify(created.Id, "DECEASED_ID", passed: false, reason: "证件已过期");
        await Refused(created.Id, $"/api/cases/{created.Id}/acceptance", new AcceptCase(null),
            "materials-not-verified", "HOUSEHOLD_REGISTER");
        await Refused(created.Id, $"/api/cases/{created.Id}/acceptance", new AcceptCase(null),
            "materials-not-verified", "DECEASED_ID");
    }

    [Fact]
    public async Task commands_out_of_order_are_refused()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT", "HUKOU_CANCEL"));
        var id = created.Id;
        await Refused(id, $"/api/cases/{id}/items/DEATH_CERT/decision", new DecideItem(true, null, null), "case-wrong-status");
        await Refused(id, $"/api/cases/{id}/delivery", new DeliverCase(DeliveryMethod.Window, null), "case-wrong-status");
        // Produced in the case: nothing for the window to verify.
        await Refused(id, $"/api/cases/{id}/materials/DEATH_CERTIFICATE/verification",
            new VerifyMaterial(true, null, null), "material-not-handed-in");

        await Api.VerifyAll(id);
        await Api.Accept(id);
        await Refused(id, $"/api/cases/{id}/acceptance", new AcceptCase(null), "case-wrong-status");
        await Refused(id, $"/api/cases/{id}/materials/APPLICANT_ID/verification", new VerifyMaterial(true, null, null), "case-wrong-status");
        await Refused(id, $"/api/cases/{id}/items/DEATH_CERT/issuance", new IssueItem("X", null), "item-wrong-status", "Transferred");
        await Refused(id, $"/api/cases/{id}/delivery", new DeliverCase(DeliveryMethod.Window, null), "case-wrong-status");

        await Api.Decide(id, "DEATH_CERT");
        await Refused(id, $"/api/cases/{id}/items/DEATH_CERT/decision", new DecideItem(false, "再议", null), "item-wrong-status");
        await Api.Issue(id, "DEATH_CERT");
        await Refused(id, $"/api/cases/{id}/items/DEATH_CERT/issuance", new IssueItem("Y", null), "item-wrong-status");

        await Api.Decide(id, "HUKOU_CANCEL");
        await Api.Issue(id, "HUKOU_CANCEL");
        await Refused(id, $"/api/cases/{id}/withdrawal", new WithdrawCase("太晚了", null), "case-not-open");
        await Api.Deliver(id);
        await Refused(id, $"/api/cases/{id}/delivery", new DeliverCase(DeliveryMethod.Post, null), "case-wrong-status");
        await Refused(id, $"/api/cases/{id}/withdrawal", new WithdrawCase("太晚了", null), "case-not-open");
    }

    [Fact]
    public async Task a_withdrawn_case_refuses_everything()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT"));
        var id = created.Id;
        await Api.Withdraw(id);
        await Refused(id, $"/api/cases/{id}/materials/APPLICANT_ID/verification", new VerifyMaterial(true, null, null), "case-wrong-status");
        await Refused(id, $"/api/cases/{id}/acceptance", new AcceptCase(null), "case-wrong-status");
        await Refused(id, $"/api/cases/{id}/withdrawal", new WithdrawCase("again", null), "case-not-open");
    }

    [Fact]
    public async Task a_stale_version_is_refused_and_the_current_one_accepted()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT"));
        var v1 = created.Version;
        var v2 = await Api.Verify(created.Id, "HOUSEHOLD_REGISTER", version: v1);
        Assert.Equal(v1 + 1, v2.Version);

        await Refused(created.Id, $"/api/cases/{created.Id}/materials/HOUSEHOLD_REGISTER/verification",
            new VerifyMaterial(true, null, v1), "stale-version", $"version {v1 + 1}");
        var v3 = await Api.Verify(created.Id, "HOUSEHOLD_REGISTER", version: v2.Version);
        Assert.Equal(v1 + 2, v3.Version);
    }

    [Fact]
    public async Task unknown_cases_items_and_materials_are_404()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT"));
        var missing = Guid.NewGuid();
        await Host.Scenario(s => { s.As(Staff.Window()); s.Get.Url($"/api/cases/{missing}"); s.StatusCodeShouldBe(404); });
        await Host.Scenario(s => { s.As(Staff.Auditor()); s.Get.Url($"/api/cases/{missing}/history"); s.StatusCodeShouldBe(404); });
        await Host.Scenario(s => { s.As(Staff.Window()); s.Post.Json(new AcceptCase(null)).ToUrl($"/api/cases/{missing}/acceptance"); s.StatusCodeShouldBe(404); });
        await Host.Scenario(s => { s.As(Staff.Window()); s.Post.Json(new AcceptCase(3)).ToUrl($"/api/cases/{missing}/acceptance"); s.StatusCodeShouldBe(404); });
        await Host.Scenario(s =>
        {
            s.As(Staff.ReviewerOf("PENSION_SURVIVOR_BENEFIT"));
            s.Post.Json(new DecideItem(true, null, null)).ToUrl($"/api/cases/{created.Id}/items/PENSION_SURVIVOR_BENEFIT/decision");
            s.StatusCodeShouldBe(404);
        });
        await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Post.Json(new VerifyMaterial(true, null, null)).ToUrl($"/api/cases/{created.Id}/materials/PENSION_FORMS/verification");
            s.StatusCodeShouldBe(404);
        });
    }
}
