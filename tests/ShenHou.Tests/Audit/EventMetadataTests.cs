using ShenHou.Api.Access;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Audit;

/// <summary>Every event records who (user, role, department, region), why, and the legal basis of a decision.</summary>
public sealed class EventMetadataTests(AppFixture app) : AuditTest(app)
{
    [Fact]
    public async Task the_history_shows_who_why_and_on_what_basis()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT", "HUKOU_CANCEL"));
        await Api.VerifyAll(created.Id);
        await Api.Accept(created.Id);
        await Api.Command($"/api/cases/{created.Id}/items/DEATH_CERT/decision",
            new ShenHou.Api.Cases.DecideItem(false, "死亡原因未填写", null), "doctor-li");

        var history = await Api.History(created.Id);
        var submitted = history.Events[0];
        Assert.Equal((CaseApi.Actor, Roles.Window, null, Staff.Province), (submitted.Actor, submitted.Role, submitted.Department, submitted.RegionCode));
        Assert.False(string.IsNullOrEmpty(submitted.CorrelationId));

        var rejected = history.Events.Single(e => e.Type == "ItemRejected" && e.Data.GetProperty("itemCode").GetString() == "DEATH_CERT");
        Assert.Equal(("doctor-li", Roles.DepartmentReviewer, "HEALTH"), (rejected.Actor, rejected.Role, rejected.Department));
        Assert.Equal("死亡原因未填写", rejected.Reason);
        Assert.Contains("国卫规划发〔2013〕57号", rejected.LegalBasis);
        // The item closed because of it was closed by the same request.
        var closed = history.Events.Single(e => e.Type == "ItemRejected" && e.Data.GetProperty("itemCode").GetString() == "HUKOU_CANCEL");
        Assert.Equal(rejected.CorrelationId, closed.CorrelationId);
        Assert.Contains("户口登记条例", closed.LegalBasis);
        Assert.Null(history.Events.Single(e => e.Type == "CaseAccepted").LegalBasis);

        Assert.True((await Verification(created.Id)).Verified);
    }

    [Fact]
    public async Task edited_metadata_breaks_the_chain()
    {
        var id = await CaseWithHistory();
        await Sql("""update shenhou.mt_events set headers = jsonb_set(headers, '{role}', '"Supervisor"') where stream_id = $1 and version = 4""", id);
        await AssertBrokenAt(id, 4);
    }

    [Fact]
    public async Task an_edited_correlation_id_breaks_the_chain()
    {
        var id = await CaseWithHistory();
        await Sql("update shenhou.mt_events set correlation_id = 'forged' where stream_id = $1 and version = 2", id);
        await AssertBrokenAt(id, 2);
    }
}
