using Alba;
using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Intake;

/// <summary>一次性告知补正: one round lists everything; the case waits; supplements resume verification.</summary>
public sealed class CorrectionTests(AppFixture app) : ApiTest(app)
{
    private Task<CaseVersion> Request(Guid id, params (string Code, string Reason)[] materials) =>
        Api.Command($"/api/cases/{id}/correction-requests",
            new RequestCorrection(materials.Select(m => (DeficiencyForm?)new DeficiencyForm(m.Code, m.Reason)).ToList(), null));

    private Task<CaseVersion> Supply(Guid id, params string[] materials) =>
        Api.Command($"/api/cases/{id}/supplements", new ReceiveSupplements(materials.Select(m => (string?)m).ToList(), "已补交", null));

    [Fact]
    public async Task a_correction_round_trip_then_acceptance()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT", "HUKOU_CANCEL"));
        await Api.Verify(created.Id, "APPLICANT_ID");
        await Request(created.Id, ("DECEASED_ID", "复印件不清晰"), ("HOUSEHOLD_REGISTER", "户口簿缺少已故人页"));

        var waiting = await Api.Get(created.Id);
        Assert.Equal(CaseStatus.AwaitingCorrection, waiting.Status);
        var round = Assert.Single(waiting.Corrections);
        Assert.Equal(1, round.Round);
        Assert.Equal(["DECEASED_ID", "HOUSEHOLD_REGISTER"], round.Materials.Select(m => m.Code));
        Assert.Equal("户口簿缺少已故人页", waiting.Materials.Single(m => m.Code == "HOUSEHOLD_REGISTER").CorrectionReason);
        Assert.Equal(MaterialStatus.Rejected, waiting.Materials.Single(m => m.Code == "DECEASED_ID").Status);

        // While the family is away nothing else moves, and half the materials are not enough.
        await Api.Refused(created.Id, $"/api/cases/{created.Id}/materials/DECEASED_ID/verification", new VerifyMaterial(true, null, null), "case-wrong-status");
        await Api.Refused(created.Id, $"/api/cases/{created.Id}/acceptance", new AcceptCase(null), "case-wrong-status");
        await Api.Refused(created.Id, $"/api/cases/{created.Id}/supplements",
            new ReceiveSupplements(["DECEASED_ID"], null, null), "supplements-incomplete", "HOUSEHOLD_REGISTER");
        await Api.Refused(created.Id, $"/api/cases/{created.Id}/supplements",
            new ReceiveSupplements(["DECEASED_ID", "HOUSEHOLD_REGISTER", "APPLICANT_ID"], null, null), "material-not-requested", "APPLICANT_ID");

        await Supply(created.Id, "HOUSEHOLD_REGISTER", "DECEASED_ID");
        var resumed = await Api.Get(created.Id);
        Assert.Equal(CaseStatus.Submitted, resumed.Status);
        Assert.NotNull(resumed.Corrections[0].SupplementedAt);
        Assert.Equal(MaterialStatus.Required, resumed.Materials.Single(m => m.Code == "DECEASED_ID").Status);
        Assert.Equal(MaterialStatus.Verified, resumed.Materials.Single(m => m.Code == "APPLICANT_ID").Status);

        await Api.VerifyAll(created.Id);
        await Api.Accept(created.Id);
        var history = await Api.History(created.Id);
        Assert.Equal(1, history.Events.Count(e => e.Type == "CorrectionRequested"));
        Assert.Equal(1, history.Events.Count(e => e.Type == "SupplementsReceived"));
    }

    [Fact]
    public async Task rounds_are_numbered_and_each_is_an_event()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT"));
        await Request(created.Id, ("DECEASED_ID", "复印件不清晰"));
        await Supply(created.Id, "DECEASED_ID");
        await Request(created.Id, ("DECEASED_ID", "仍不清晰"), ("APPLICANT_ID", "已过期"));

        var details = await Api.Get(created.Id);
        Assert.Equal([1, 2], details.Corrections.Select(c => c.Round));
        var history = await Api.History(created.Id);
        Assert.Equal([1, 2], history.Events.Where(e => e.Type == "CorrectionRequested").Select(e => e.Data.GetProperty("round").GetInt32()));
    }

    [Fact]
    public async Task bad_correction_requests_are_refused()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT", "HUKOU_CANCEL"));
        var id = created.Id;
        await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Post.Json(new RequestCorrection([], null)).ToUrl($"/api/cases/{id}/correction-requests");
            s.ShouldReturnValidationProblem().WithValidationError("materials", "至少列出一项需补正的材料 / list at least one material to correct");
        });
        await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Post.Json(new RequestCorrection([new DeficiencyForm("DECEASED_ID", "")], null)).ToUrl($"/api/cases/{id}/correction-requests");
            s.ShouldReturnValidationProblem().WithValidationError("materials[0].reason", "须说明补正原因 / say what to correct");
        });
        await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Post.Json(new RequestCorrection([new DeficiencyForm("PENSION_FORMS", "x")], null)).ToUrl($"/api/cases/{id}/correction-requests");
            s.StatusCodeShouldBe(404);
        });
        // Produced in the case: nothing the applicant could correct.
        await Api.Refused(id, $"/api/cases/{id}/correction-requests",
            new RequestCorrection([new DeficiencyForm("DEATH_CERTIFICATE", "x")], null), "material-not-handed-in");
        await Api.Refused(id, $"/api/cases/{id}/supplements", new ReceiveSupplements(["DECEASED_ID"], null, null), "case-wrong-status");
    }
}
