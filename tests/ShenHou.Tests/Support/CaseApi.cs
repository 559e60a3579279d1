using Alba;
using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Projections.Cases;

namespace ShenHou.Tests.Support;

/// <summary>
/// The case endpoints as a staff UI calls them, asserting success. Each call goes as the role that
/// may make it: item routes as a reviewer of the item's department, other case commands as the
/// window, reads as the window (cases), a reviewer (queues), a supervisor or an auditor.
/// </summary>
public sealed class CaseApi(IAlbaHost host)
{
    public const string Actor = "window-01";

    /// <summary>Who sends a command to <paramref name="url"/>: a reviewer on item routes, else the window.</summary>
    public static Staff CommandStaff(string url, string? actor = null)
    {
        var match = System.Text.RegularExpressions.Regex.Match(url, "/items/([A-Z_]+)/");
        return match.Success ? Staff.ReviewerOf(match.Groups[1].Value, actor) : Staff.Window(actor ?? Actor);
    }

    public async Task<CaseCreated> Submit(SubmitCase form)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(form).ToUrl("/api/cases");
            s.As(Staff.Window());
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
        Command($"/api/cases/{id}/items/{item}/decision", new DecideItem(approved, reason, version), actor);

    public Task<CaseVersion> Issue(Guid id, string item, string? reference = null, long? version = null, string? actor = null) =>
        Command($"/api/cases/{id}/items/{item}/issuance", new IssueItem(reference ?? $"REF-{item}", version), actor);

    public Task<CaseVersion> Claim(Guid id, string item, string reviewer) =>
        Command($"/api/cases/{id}/items/{item}/claim", new ShenHou.Api.Work.ClaimItem(null), reviewer);

    public Task<CaseVersion> Release(Guid id, string item, string reviewer) =>
        Command($"/api/cases/{id}/items/{item}/release", new ShenHou.Api.Work.ClaimItem(null), reviewer);

    public Task<CaseVersion> Extend(Guid id, string item, int days, string reason = "需调取外地档案", string approvedBy = "supervisor-01") =>
        Command($"/api/cases/{id}/items/{item}/deadline-extensions", new ShenHou.Api.Work.ExtendDeadline(days, reason, approvedBy, null));

    public Task<ShenHou.Api.Work.DepartmentQueue> Queue(string department, string query = "") =>
        GetAs<ShenHou.Api.Work.DepartmentQueue>($"/api/departments/{department}/queue{query}", Staff.Reviewer(department));

    public Task<ShenHou.Api.Work.Escalations> Escalations(string query = "") =>
        GetAs<ShenHou.Api.Work.Escalations>($"/api/escalations{query}", Staff.Supervisor());

    public Task<CaseVersion> Deliver(Guid id, DeliveryMethod method = DeliveryMethod.Window) =>
        Command($"/api/cases/{id}/delivery", new DeliverCase(method, null));

    public Task<CaseVersion> Withdraw(Guid id, string reason = "家属决定自行办理") =>
        Command($"/api/cases/{id}/withdrawal", new WithdrawCase(reason, null));

    public Task<CaseDetails> Get(Guid id) => GetAs<CaseDetails>($"/api/cases/{id}", Staff.Window());

    public Task<CaseHistory> History(Guid id) => GetAs<CaseHistory>($"/api/cases/{id}/history", Staff.Auditor());

    public async Task<T> GetAs<T>(string url, Staff staff)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.As(staff);
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsJsonAsync<T>())!;
    }

    /// <summary>Asserts a 409 naming the rule, and that the case did not change.</summary>
    public async Task Refused(Guid id, string url, object body, string rule, string? detailContains = null, string? actor = null)
    {
        var before = (await Get(id)).Version;
        var result = await host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.As(CommandStaff(url, actor));
            s.StatusCodeShouldBe(409);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = await result.ReadAsJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Equal(rule, problem!.Extensions["rule"]!.ToString());
        Assert.Contains(" / ", problem.Detail); // Chinese / English
        if (detailContains is not null) Assert.Contains(detailContains, problem.Detail);
        Assert.Equal(before, (await Get(id)).Version);
    }

    public async Task<CaseVersion> Command(string url, object body, string? actor = null)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.As(CommandStaff(url, actor));
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsJsonAsync<CaseVersion>())!;
    }
}
