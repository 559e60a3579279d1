using Alba;
using Microsoft.AspNetCore.Http;
using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Domain.People;
using ShenHou.Projections.Cases;
using ShenHou.Tests.DataSharing;
using ShenHou.Tests.Support;
using Wolverine;

namespace ShenHou.Tests.Intake;

/// <summary>
/// Registries that are down, too slow or talk nonsense never block a submission: their materials go
/// to the window, and the case says why. One host with all three faults, one per registry.
/// </summary>
public sealed class RegistryFailureTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task a_submission_is_accepted_whatever_the_registries_do()
    {
        var never = new TaskCompletionSource();
        await using var slow = await LoopbackServer.StartAsync(_ => never.Task);
        await using var garbage = await LoopbackServer.StartAsync(c =>
        {
            c.Response.ContentType = "application/json";
            return c.Response.WriteAsync("<html>oops");
        });
        await using var host = await AlbaHost.For<Program>(x =>
        {
            x.UseSetting("Auth:SigningKey", Staff.SigningKey);
            x.UseSetting("DataSharing:PopulationRegistry:BaseUrl", LoopbackServer.ClosedPort().ToString());
            x.UseSetting("DataSharing:DeathRegistry:BaseUrl", slow.BaseUrl.ToString());
            x.UseSetting("DataSharing:SocialSecurity:BaseUrl", garbage.BaseUrl.ToString());
            x.UseSetting("DataSharing:Resilience:AttemptTimeout", "00:00:00.500");
            x.UseSetting("DataSharing:Resilience:TotalTimeout", "00:00:01.500");
            x.UseSetting("DataSharing:Resilience:MaxRetries", "1");
            x.UseSetting("DataSharing:Resilience:RetryDelay", "00:00:00.010");
            x.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
        });

        // 李德明 and his son are known to the simulators; here no registry can say so.
        var form = Forms.For("PENSION_SURVIVOR_BENEFIT") with
        {
            Applicant = Forms.Applicant() with { Name = "李建国", Gender = Gender.Male, IdNumber = "62010219750903033X" },
            Deceased = Forms.Deceased() with { Name = "李德明", Gender = Gender.Male, IdNumber = "620102194805120133" },
        };
        var result = await host.Scenario(s => { s.As(Staff.Window()); s.Post.Json(form).ToUrl("/api/cases"); s.StatusCodeShouldBe(201); });
        var created = (await result.ReadAsJsonAsync<CaseCreated>())!;
        never.TrySetResult();

        var details = (await new CaseApi(host).GetAs<CaseDetails>($"/api/cases/{created.Id}", Staff.Window()));
        Assert.Equal(CaseStatus.Submitted, details.Status);
        string Reason(string code) => details.Materials.Single(m => m.Code == code).ManualVerificationReason!;
        Assert.Contains("PopulationRegistry unavailable", Reason("APPLICANT_ID"));
        Assert.Contains("PopulationRegistry unavailable", Reason("DECEASED_ID"));
        Assert.Contains("DeathRegistry unavailable", Reason("DEATH_CERTIFICATE"));
        Assert.Contains("SocialSecurity unavailable", Reason("DECEASED_SS_OR_BANK_CARD"));
        Assert.All(details.Materials, m => Assert.True(m.HandIn));
        Assert.Equal(5, details.Compression.Materials.HandedIn);
        // The family can still be served at the window in full.
        foreach (var m in details.Materials)
            await host.Scenario(s => { s.As(Staff.Window()); s.Post.Json(new VerifyMaterial(true, null, null)).ToUrl($"/api/cases/{created.Id}/materials/{m.Code}/verification"); s.StatusCodeShouldBe(200); });
        await host.Scenario(s => { s.As(Staff.Window()); s.Post.Json(new AcceptCase(null)).ToUrl($"/api/cases/{created.Id}/acceptance"); s.StatusCodeShouldBe(200); });
    }
}
