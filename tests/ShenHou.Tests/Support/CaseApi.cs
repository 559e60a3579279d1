using Alba;
using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Projections.Cases;

namespace ShenHou.Tests.Support;

/// <summary>The case endpoints as a staff UI calls them, asserting success.</summary>
public sealed class CaseApi(IAlbaHost host)
{
    public const string Actor = "window-01";

    public async Task<CaseCreated> Submit(SubmitCase form)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(form).ToUrl("/api/cases");
            s.WithRequestHeader("X-Actor", Actor);
            s.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<CaseCreated>())!;
    }

    public Task<CaseVersion> Verify(Guid id, string material, bool passed = true, string? reason = null, long? version = null) =>
        Command($"/api/cases/{id}/materials/{material}/verification", new VerifyMaterial(passed, reason, version));

    public async Task VerifyAll(Guid id)
    {
        var details = await Get(id);
        foreach (var m in details.Materials.Where(m => m.HandIn)) await Verify(id, m.Code);
    }

    /// <summary>Files the form, verifies what was handed in, and accepts: the items go to their departments.</summary>
    public async Task<Guid> SubmitAndAccept(SubmitCase form)
    {
        var created = await Submit(form);
        await VerifyAll(created.Id);
        await Accept(created.Id);
        return created.Id;
    }

    public Task<CaseVersion> Accept(Guid id, long? version = null) =>
        Command($"/api/cases/{id}/acceptance", new AcceptCase(version));

    public Task<CaseVersion> Decide(Guid id, string item, bool approved = true, string? reason = null, long? version = null, string? actor = null) =>
        Command($"/api/cases/{id}/items/{item}/decision", new DecideItem(approved, reason, version), actor ?? $"reviewer-{item}");

    public Task<CaseVersion> Issue(Guid id, string item, string? reference = null, long? version = null, string? actor = null) =>
        Command($"/api/cases/{id}/items/{item}/issuance", new IssueItem(reference ?? $"REF-{item}", version), actor ?? $"reviewer-{item}");

    public Task<CaseVersion> Claim(Guid id, string item, string reviewer) =>
        Command($"/api/cases/{id}/items/{item}/claim", new ShenHou.Api.Work.ClaimItem(null), reviewer);

    public Task<CaseVersion> Release(Guid id, string item, string reviewer) =>
        Command($"/api/cases/{id}/items/{item}/release", new ShenHou.Api.Work.ClaimItem(null), reviewer);

    public Task<CaseVersion> Extend(Guid id, string item, int days, string reason = "需调取外地档案", string approvedBy = "supervisor-01") =>
        Command($"/api/cases/{id}/items/{item}/deadline-extensions", new ShenHou.Api.Work.ExtendDeadline(days, reason, approvedBy, null));

    public async Task<ShenHou.Api.Work.DepartmentQueue> Queue(string department, string query = "") =>
        (await host.GetAsJson<ShenHou.Api.Work.DepartmentQueue>($"/api/departments/{department}/queue{query}"))!;

    public async Task<ShenHou.Api.Work.Escalations> Escalations(string query = "") =>
        (await host.GetAsJson<ShenHou.Api.Work.Escalations>($"/api/escalations{query}"))!;

    public Task<CaseVersion> Deliver(Guid id, DeliveryMethod method = DeliveryMethod.Window) =>
        Command($"/api/cases/{id}/delivery", new DeliverCase(method, null));

    public Task<CaseVersion> Withdraw(Guid id, string reason = "家属决定自行办理") =>
        Command($"/api/cases/{id}/withdrawal", new WithdrawCase(reason, null));

    public async Task<CaseDetails> Get(Guid id)
    {
        var result = await host.GetAsJson<CaseDetails>($"/api/cases/{id}");
        return result!;
    }

    public async Task<CaseHistory> History(Guid id) =>
        (await host.GetAsJson<CaseHistory>($"/api/cases/{id}/history"))!;

    /// <summary>Asserts a 409 naming the rule, and that the case did not change.</summary>
    public async Task Refused(Guid id, string url, object body, string rule, string? detailContains = null, string? actor = null)
    {
        var before = (await Get(id)).Version;
        var result = await host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            if (actor is not null) s.WithRequestHeader("X-Actor", actor);
            s.StatusCodeShouldBe(409);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = await result.ReadAsJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Equal(rule, problem!.Extensions["rule"]!.ToString());
        Assert.Contains(" / ", problem.Detail); // Chinese / English
        if (detailContains is not null) Assert.Contains(detailContains, problem.Detail);
        Assert.Equal(before, (await Get(id)).Version);
    }

    public async Task<CaseVersion> Command(string url, object body, string actor = Actor)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithRequestHeader("X-Actor", actor);
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsJsonAsync<CaseVersion>())!;
    }
}
