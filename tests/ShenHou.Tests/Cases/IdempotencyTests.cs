using Alba;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.Cases;
using ShenHou.Projections.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Cases;

/// <summary>
/// An Idempotency-Key makes a POST safe to repeat: the same key and body answer the first answer
/// and write nothing; the same key with another body is 422.
/// </summary>
public sealed class IdempotencyTests(AppFixture app) : ApiTest(app)
{
    private async Task<IScenarioResult> Post(string url, object body, string? key, int status) => await Host.Scenario(s =>
    {
        s.Post.Json(body).ToUrl(url);
        s.As(CaseApi.CommandStaff(url));
        if (key is not null) s.WithRequestHeader("Idempotency-Key", key);
        s.StatusCodeShouldBe(status);
    });

    private async Task<int> CaseCount()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<CaseDetails>().CountAsync();
    }

    [Fact]
    public async Task a_repeated_submission_with_the_same_key_answers_the_first_and_makes_one_case()
    {
        var key = Guid.NewGuid().ToString();
        var first = await Post("/api/cases", Forms.For("DEATH_CERT"), key, 201);
        var second = await Post("/api/cases", Forms.For("DEATH_CERT"), key, 201);

        Assert.Equal(first.ReadAsText(), second.ReadAsText());
        Assert.Equal("true", second.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.False(first.Context.Response.Headers.ContainsKey("Idempotent-Replayed"));
        var created = System.Text.Json.JsonSerializer.Deserialize<CaseCreated>(second.ReadAsText(),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        Assert.Equal(created.Id, (await Api.Get(created.Id)).Id);
        Assert.Equal(1, await CaseCount());
    }

    [Fact]
    public async Task a_command_repeated_five_times_with_one_key_is_done_once()
    {
        var id = (await Api.Submit(Forms.For("DEATH_CERT"))).Id;
        var key = Guid.NewGuid().ToString();
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
            answers.Add((await Post($"/api/cases/{id}/withdrawal", new WithdrawCase("家属决定自行办理", null), key, 200)).ReadAsText());

        Assert.Single(answers.Distinct());
        Assert.Single((await Api.History(id)).Events, e => e.Type == "CaseWithdrawn");
    }

    [Fact]
    public async Task the_same_key_with_another_body_is_422()
    {
        var key = Guid.NewGuid().ToString();
        await Post("/api/cases", Forms.For("DEATH_CERT"), key, 201);
        var result = await Post("/api/cases", Forms.For("DEATH_CERT", "HUKOU_CANCEL"), key, 422);

        var problem = (await result.ReadAsJsonAsync<ProblemDetails>())!;
        Assert.Equal("idempotency-key-reused", problem.Extensions["rule"]!.ToString());
        Assert.Contains(" / ", problem.Detail);
        Assert.Equal(1, await CaseCount());
    }

    [Fact]
    public async Task without_a_key_two_submissions_make_two_cases()
    {
        await Post("/api/cases", Forms.For("DEATH_CERT"), null, 201);
        await Post("/api/cases", Forms.For("DEATH_CERT"), null, 201);
        Assert.Equal(2, await CaseCount());
    }

    [Theory]
    [InlineData(" ")]
    [InlineData(null)]
    public async Task a_blank_or_too_long_key_is_400(string? key)
    {
        var result = await Post("/api/cases", Forms.For("DEATH_CERT"), key ?? new string('k', 300), 400);
        var problem = (await result.ReadAsJsonAsync<ValidationProblemDetails>())!;
        Assert.True(problem.Errors.ContainsKey("Idempotency-Key"));
        Assert.Equal(0, await CaseCount());
    }
}
