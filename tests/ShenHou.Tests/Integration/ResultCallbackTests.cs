using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alba;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.Integration;
using ShenHou.Domain.Cases;
using ShenHou.Tests.Support;
using Wolverine;
using Wolverine.Tracking;

namespace ShenHou.Tests.Integration;

/// <summary>
/// POST /api/integration/departments/{code}/results: a platform's signed decision or issued result,
/// applied once however often it is sent, refused (401) when the signature is forged or stale.
/// </summary>
public sealed class ResultCallbackTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    [Fact]
    public async Task a_signed_result_is_applied_as_the_platform_and_an_issue_releases_the_waiting_items()
    {
        var id = await Accepted("DEATH_CERT", "HUKOU_CANCEL");

        using var approved = await Send("HEALTH", Result("HEALTH-1", id, "DEATH_CERT", DepartmentOutcome.Approved, reason: "符合条件"));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var answer = (await approved.Content.ReadFromJsonAsync<DepartmentResultAccepted>(Web))!;
        Assert.Equal(new DepartmentResultAccepted("HEALTH-1", id, "DEATH_CERT", DepartmentOutcome.Approved, (await Api.Get(id)).Version), answer);

        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).WaitForExecutionOf<DepartmentPush>()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            {
                using var issued = await Send("HEALTH", Result("HEALTH-2", id, "DEATH_CERT", DepartmentOutcome.Issued, reference: "甘死证〔2026〕001234"));
                Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
            }));

        var history = (await Api.History(id)).Events;
        var approval = Assert.Single(history, e => e.Type == nameof(ItemApproved));
        Assert.Equal(("platform:HEALTH", ReceiveDepartmentResultEndpoint.PlatformRole, "HEALTH"), (approval.Actor, approval.Role, approval.Department));
        Assert.Equal("platform:HEALTH", Assert.Single(history, e => e.Type == nameof(ItemIssued)).Actor);
        var details = await Api.Get(id);
        Assert.Equal(ItemStatus.Transferred, details.Items.Single(i => i.Code == "HUKOU_CANCEL").Status);
        Assert.Contains(Platform.Taken.Values, p => p.ItemCode == "HUKOU_CANCEL"); // its own push went out
    }

    [Fact]
    public async Task a_callback_repeated_five_times_changes_the_case_once_and_answers_the_same()
    {
        var id = await Accepted("DEATH_CERT");
        var body = Result("HEALTH-7", id, "DEATH_CERT", DepartmentOutcome.Approved);
        var events = await EventCount();

        var answers = new List<(HttpStatusCode Status, string Body, bool Replayed)>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await Send("HEALTH", body);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Contains("Idempotent-Replayed")));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, answers[0].Body), (a.Status, a.Body)));
        Assert.Equal([false, true, true, true, true], answers.Select(a => a.Replayed));
        Assert.Equal(events + 1, await EventCount());
        Assert.Single((await Api.History(id)).Events, e => e.Type == nameof(ItemApproved));

        // Five at once: the case's row lock queues them, the first applies, the rest find its receipt.
        var issued = Result("HEALTH-8", id, "DEATH_CERT", DepartmentOutcome.Issued, reference: "甘死证〔2026〕000008");
        var parallel = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var response = await Send("HEALTH", issued);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }));
        Assert.All(parallel, p => Assert.Equal(parallel[0], p));
        Assert.Equal(HttpStatusCode.OK, parallel[0].StatusCode);
        Assert.Single((await Api.History(id)).Events, e => e.Type == nameof(ItemIssued));

        // The same id with something else in it is not a repeat.
        using var reused = await Send("HEALTH", Result("HEALTH-7", id, "DEATH_CERT", DepartmentOutcome.Rejected, reason: "不符"));
        await Problem(reused, HttpStatusCode.UnprocessableEntity, "result-id-reused");
    }

    [Fact]
    public async Task a_forged_or_stale_signature_is_401_and_writes_nothing()
    {
        var id = await Accepted("DEATH_CERT");
        var body = Result("HEALTH-9", id, "DEATH_CERT", DepartmentOutcome.Approved);
        var events = await EventCount();

        using var wrongKey = await Send("HEALTH", body, key: FakePlatform.KeyOf("HRSS"));
        await Problem(wrongKey, HttpStatusCode.Unauthorized, "signature-invalid");
        Assert.Contains("ShenHou-HMAC-SHA256", wrongKey.Headers.WwwAuthenticate.ToString());
        using var tampered = await Send("HEALTH", body, alter: json => json.Replace("Approved", "Rejected"));
        await Problem(tampered, HttpStatusCode.Unauthorized, "signature-invalid");
        using var stale = await Send("HEALTH", body, at: Fixture.Clock.GetUtcNow().AddMinutes(-6));
        await Problem(stale, HttpStatusCode.Unauthorized, "signature-stale");
        using var unsigned = await Send("HEALTH", body, sign: false);
        await Problem(unsigned, HttpStatusCode.Unauthorized, "signature-missing");

        Assert.Equal(events, await EventCount());
        using var genuine = await Send("HEALTH", body); // the same result, signed properly, is still new
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.False(genuine.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task results_a_platform_may_not_send_are_refused_with_the_rule()
    {
        var id = await Accepted("DEATH_CERT", "DRIVING_LICENSE_CANCEL");

        using var unknown = await Send("NOWHERE", Result("X-1", id, "DEATH_CERT", DepartmentOutcome.Approved), key: FakePlatform.KeyOf("NOWHERE"));
        await Problem(unknown, HttpStatusCode.NotFound, "department-not-connected");
        using var other = await Send("HEALTH", Result("HEALTH-10", id, "DRIVING_LICENSE_CANCEL", DepartmentOutcome.Approved));
        await Problem(other, HttpStatusCode.Conflict, "item-of-another-department");
        using var early = await Send("HEALTH", Result("HEALTH-11", id, "DEATH_CERT", DepartmentOutcome.Issued, reference: "甘死证〔2026〕1"));
        await Problem(early, HttpStatusCode.Conflict, "item-wrong-status");
        using var missing = await Send("HEALTH", Result("HEALTH-12", Guid.NewGuid(), "DEATH_CERT", DepartmentOutcome.Approved));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var invalid = await Send("HEALTH", new { resultId = "HEALTH-13", caseId = id, itemCode = "DEATH_CERT", outcome = "Rejected" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("reason", (await invalid.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        using var malformed = await Send("HEALTH", new { resultId = "HEALTH-14", caseId = "not-a-guid" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("caseId", (await malformed.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }

    private async Task<Guid> Accepted(params string[] items)
    {
        var id = Guid.Empty;
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ => id = await Api.SubmitAndAccept(Forms.For(items))));
        return id;
    }

    private static object Result(string resultId, Guid caseId, string item, DepartmentOutcome outcome, string? reason = null,
        string? reference = null) => new DepartmentResult(resultId, caseId, item, outcome, reason, reference);

    /// <summary>Posts <paramref name="body"/> as the platform would: raw JSON bytes, signed with the department's key.</summary>
    private async Task<HttpResponseMessage> Send(string department, object body, string? key = null, DateTimeOffset? at = null,
        bool sign = true, Func<string, string>? alter = null)
    {
        var json = JsonSerializer.Serialize(body, Web);
        var signed = Encoding.UTF8.GetBytes(json);
        var sent = Encoding.UTF8.GetBytes(alter?.Invoke(json) ?? json);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/integration/departments/{department}/results")
        {
            Content = new ByteArrayContent(sent) { Headers = { ContentType = new("application/json") } },
        };
        if (sign)
        {
            var timestamp = (at ?? Fixture.Clock.GetUtcNow()).ToUnixTimeSeconds();
            request.Headers.Add(DepartmentSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(DepartmentSignature.SignatureHeader, DepartmentSignature.Sign(key ?? FakePlatform.KeyOf(department), timestamp, signed));
        }
        return await Host.Server.CreateClient().SendAsync(request);
    }

    private static async Task Problem(HttpResponseMessage response, HttpStatusCode status, string rule)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
        Assert.Equal(rule, problem.Extensions["rule"]!.ToString());
        Assert.Contains(" / ", problem.Detail); // Chinese / English
    }

    private async Task<long> EventCount()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.QueryAsync<long>("select count(*) from shenhou.mt_events")).Single();
    }
}
