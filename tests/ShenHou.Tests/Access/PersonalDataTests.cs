using Alba;
using ShenHou.Api.Access;
using ShenHou.Api.Privacy;
using ShenHou.Domain.Cases;
using ShenHou.Projections.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Access;

/// <summary>
/// A whole case, read by every role: no response, log line or problem shows an ID number, phone or
/// account in full, except the answers to roles entitled to them, and each of those reads is in
/// the access log.
/// </summary>
public sealed class PersonalDataTests(AppFixture app) : ApiTest(app)
{
    private static readonly string[] FullValues =
    [
        Forms.ApplicantId, Forms.DeceasedId, "13800138000", Forms.Payout().AccountNumber!, Forms.Heir().AccountNumber!,
        "620102194805120133", // the demo person the window prefills
        "620102198001011234", "13912345678x", // a mistyped ID number and phone
    ];

    private readonly List<(string Who, string Route, string Body)> _answers = [];

    private static Staff Window => Staff.Window("window-620100-01", "620100");
    private static Staff Health => Staff.Reviewer("HEALTH", "doctor-620100", "620100");
    private static Staff Hrss => Staff.Reviewer("HRSS", "hrss-620100", "620100");
    private static Staff Housing => Staff.Reviewer("HOUSING", "housing-620100", "620100");

    [Fact]
    public async Task only_entitled_roles_see_personal_data_in_full_and_each_such_read_is_logged()
    {
        var created = await Api.Submit(Forms.For(Forms.AllItems));
        await Api.VerifyAll(created.Id);
        await Api.Accept(created.Id);
        while ((await Api.Get(created.Id)).Items.Where(i => i.Status == ItemStatus.Transferred).Select(i => i.Code).ToArray()
               is { Length: > 0 } transferred)
            foreach (var code in transferred) { await Api.Decide(created.Id, code); await Api.Issue(created.Id, code); }
        await Api.Deliver(created.Id);
        await Projected();
        var number = (await Api.Get(created.Id)).CaseNumber;
        App.Logs.Clear();
        var id = created.Id;

        await Read($"/api/cases/{id}", Window);
        await Read($"/api/cases/{id}", Health);
        await Read($"/api/cases/{id}", Hrss);
        await Read($"/api/cases/{id}", Housing);
        await Read($"/api/cases/{id}", Staff.Supervisor("620100"));
        await Read($"/api/cases/{id}", Staff.Auditor("620100"));
        await Read($"/api/cases/{id}/history", Staff.Auditor("620100"));
        await Read($"/api/cases/{id}/history/verification", Staff.Auditor("620100"));
        await Read("/api/prefill?idNumber=620102194805120133", Window);
        await Read("/api/cases?pageSize=100", Window);
        await Read("/api/cases?q=" + Uri.EscapeDataString("张伟"), Staff.Supervisor());
        await Read("/api/departments/HRSS/queue?status=Issued", Hrss);
        await Read("/api/escalations", Staff.Supervisor());
        await Read("/api/reports/compression/misses", Staff.Supervisor());
        await Read($"/api/status?caseNumber={number}&phoneLast4=8000", Staff.Hotline());
        await Read("/api/prefill?idNumber=620102198001011234", Window, 400);
        await Read("/api/cases", Window, 400, Forms.For("DEATH_CERT") with
        {
            Applicant = Forms.Applicant() with { IdNumber = "620102198001011234", Phone = "13912345678x" },
        });

        var entitled = new HashSet<(string, string)>
        {
            (Window.UserId, $"/api/cases/{id}"), (Health.UserId, $"/api/cases/{id}"), (Hrss.UserId, $"/api/cases/{id}"),
            (Housing.UserId, $"/api/cases/{id}"), ("auditor-01", $"/api/cases/{id}/history"),
            (Window.UserId, "/api/prefill?idNumber=620102194805120133"),
        };
        foreach (var (who, route, body) in _answers.Where(a => !entitled.Contains((a.Who, a.Route))))
            Assert.False(FullValues.Any(body.Contains), $"{who} read {route} and saw personal data in full: {body}");
        foreach (var line in App.Logs.Lines)
            Assert.False(FullValues.Any(line.Contains), $"a log line shows personal data in full: {line}");

        // The masked forms: 620102********1234 style.
        var supervisorView = _answers.Single(a => a.Who == "supervisor-01" && a.Route == $"/api/cases/{id}").Body;
        Assert.Contains(Forms.ApplicantId[..6] + "********" + Forms.ApplicantId[^4..], supervisorView);
        Assert.Contains("138****8000", supervisorView);

        var log = await Api.GetAs<AccessLogPage>($"/api/audit/access-log?caseId={id}", Staff.Auditor());
        // Setting up the case read it as CaseApi's window too; supervisors and the hotline saw it masked: not logged.
        Assert.Equal(
            new[] { "auditor-01", CaseApi.Actor, Health.UserId, Hrss.UserId, Housing.UserId, Window.UserId }.Order(),
            log.Items.Select(e => e.UserId).Distinct().Order());
        var hrssRead = log.Items.Single(e => e.UserId == Hrss.UserId);
        Assert.Equal("GET /api/cases/{id}", hrssRead.Route);
        Assert.Contains(CaseViews.PayoutAccountNumber, hrssRead.Fields);
        Assert.DoesNotContain(CaseViews.HeirAccountNumber, hrssRead.Fields);
        Assert.Equal(Roles.DepartmentReviewer, hrssRead.Role);
        Assert.Equal(number, hrssRead.CaseNumber);
        var prefill = await Api.GetAs<AccessLogPage>($"/api/audit/access-log?userId={Window.UserId}", Staff.Auditor());
        Assert.Contains(prefill.Items, e => e.Route == "GET /api/prefill" && e.CaseId is null);
    }

    [Fact]
    public async Task a_reviewer_sees_only_what_their_items_need()
    {
        var id = await Api.SubmitAndAccept(Forms.For(Forms.AllItems));
        var health = await Api.GetAs<CaseDetails>($"/api/cases/{id}", Health);
        Assert.Equal(["DEATH_CERT"], health.Items.Select(i => i.Code));
        Assert.All(health.Materials, m => Assert.Contains("DEATH_CERT", m.RequiredBy));
        Assert.Null(health.PayoutAccount);
        Assert.Null(health.HeirAccount);
        Assert.Equal(Forms.DeceasedId, health.Deceased.IdNumber);

        var housing = await Api.GetAs<CaseDetails>($"/api/cases/{id}", Housing);
        Assert.Equal(["HOUSING_FUND_WITHDRAWAL"], housing.Items.Select(i => i.Code));
        Assert.NotNull(housing.HeirAccount);
        Assert.Null(housing.PayoutAccount);

        var auditor = await Api.GetAs<CaseDetails>($"/api/cases/{id}", Staff.Auditor());
        Assert.Equal(Forms.AllItems.Length, auditor.Items.Count);
        Assert.Equal("***************0123", auditor.PayoutAccount!.AccountNumber);
        Assert.Equal(Forms.DeceasedId[..6] + "********" + Forms.DeceasedId[^4..], auditor.Deceased.IdNumber);
    }

    private async Task Read(string url, Staff staff, int status = 200, object? post = null)
    {
        var result = await Host.Scenario(s =>
        {
            if (post is null) s.Get.Url(url);
            else s.Post.Json(post).ToUrl(url);
            s.As(staff);
            s.StatusCodeShouldBe(status);
        });
        _answers.Add((staff.UserId, url, await result.ReadAsTextAsync()));
    }
}
