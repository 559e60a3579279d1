using Alba;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Cases;

/// <summary>Request limits answer with clear problems: 413 for a huge body, 429 past the rate.</summary>
public sealed class LimitTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task a_body_over_the_limit_is_413()
    {
        var huge = Forms.For("DEATH_CERT") with { Applicant = Forms.Applicant() with { ResidentialAddress = new string('路', 200_000) } };
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Post.Json(huge).ToUrl("/api/cases");
            s.StatusCodeShouldBe(413);
            s.ContentTypeShouldBe("application/problem+json");
        });
        Assert.Contains("Request body too large", (await result.ReadAsJsonAsync<ProblemDetails>())!.Title);
    }

    [Fact]
    public async Task past_the_rate_limit_a_caller_gets_429_and_others_do_not()
    {
        await using var limited = await App.StartHost(("Limits:RequestsPerMinute", "3"));
        for (var i = 0; i < 3; i++)
            await limited.Scenario(s => { s.Get.Url("/api/catalog"); s.As(Staff.Window("busy-clerk")); s.StatusCodeShouldBe(200); });
        var result = await limited.Scenario(s =>
        {
            s.Get.Url("/api/catalog");
            s.As(Staff.Window("busy-clerk"));
            s.StatusCodeShouldBe(429);
            s.ContentTypeShouldBe("application/problem+json");
        });
        Assert.True(result.Context.Response.Headers.ContainsKey("Retry-After"));
        Assert.Contains("Too many requests", (await result.ReadAsJsonAsync<ProblemDetails>())!.Title);
        await limited.Scenario(s => { s.Get.Url("/api/catalog"); s.As(Staff.Window("other-clerk")); s.StatusCodeShouldBe(200); });
        await limited.Scenario(s => { s.Get.Url("/health/live"); s.As(Staff.Window("busy-clerk")); s.StatusCodeShouldBe(200); });
    }
}
