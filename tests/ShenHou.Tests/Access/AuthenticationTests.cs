using System.Net;
using Alba;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Access;

/// <summary>Bearer tokens: missing, forged or expired is 401; the wrong role is 403; both as bilingual problems.</summary>
public sealed class AuthenticationTests(AppFixture app) : ApiTest(app)
{
    private async Task<ProblemDetails> Problem(string url, string? token, int status)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            if (token is not null) s.WithBearerToken(token);
            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = (await result.ReadAsJsonAsync<ProblemDetails>())!;
        Assert.Contains(" / ", problem.Title);
        return problem;
    }

    [Fact]
    public async Task no_token_is_401_with_a_bearer_challenge()
    {
        var result = await Host.Scenario(s => { s.Get.Url("/api/catalog"); s.StatusCodeShouldBe(401); });
        Assert.StartsWith("Bearer", result.Context.Response.Headers.WWWAuthenticate.ToString());
        await Problem("/api/catalog", null, 401);
    }

    [Fact]
    public async Task a_token_signed_with_another_key_or_expired_is_401()
    {
        var forged = new TokenIssuer(new AuthOptions { SigningKey = new string('x', 40) }).For("mallory", Roles.Supervisor, null, "620000");
        await Problem("/api/catalog", forged, 401);
        var expired = new TokenIssuer(new AuthOptions { SigningKey = Staff.SigningKey, DevTokenLifetime = TimeSpan.FromMinutes(-5) })
            .For("late", Roles.Supervisor, null, "620000");
        await Problem("/api/catalog", expired, 401);
        await Problem("/api/catalog", "not-a-jwt", 401);
    }

    [Fact]
    public async Task the_wrong_role_is_403_naming_the_roles_that_may()
    {
        var problem = await Problem("/api/escalations", Staff.Window().Token, 403);
        Assert.Contains("Supervisor", problem.Detail);
    }

    [Fact]
    public async Task a_route_that_does_not_exist_is_404_not_a_refusal() =>
        await Host.Scenario(s => { s.Get.Url("/api/nothing-here"); s.StatusCodeShouldBe(404); });

    [Fact]
    public async Task the_actor_of_every_event_is_the_token_holder_not_a_header()
    {
        var created = await Host.Scenario(s =>
        {
            s.Post.Json(Forms.For("DEATH_CERT")).ToUrl("/api/cases");
            s.As(Staff.Window("window-real"));
            s.WithRequestHeader("X-Actor", "someone-else");
            s.StatusCodeShouldBe(201);
        });
        var id = (await created.ReadAsJsonAsync<ShenHou.Api.Cases.CaseCreated>())!.Id;
        Assert.Equal("window-real", (await Api.Get(id)).SubmittedBy);
    }

    [Fact]
    public async Task development_tokens_are_off_unless_configured() =>
        await Host.Scenario(s =>
        {
            s.Post.Json(new DevTokenRequest("w", Roles.Window, null, "620100")).ToUrl("/api/dev/tokens");
            s.StatusCodeShouldBe(404);
        });
}

/// <summary>With <c>Auth:DevTokens</c> on, <c>POST /api/dev/tokens</c> issues tokens the service accepts.</summary>
[Collection(AppCollection.Name)]
public sealed class DevTokenTests(AppFixture app)
{
    [Fact]
    public async Task issues_working_tokens_and_refuses_bad_requests()
    {
        await using var host = await app.StartHost(("Auth:DevTokens", "true"));
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new DevTokenRequest("hrss-620100-01", Roles.DepartmentReviewer, "HRSS", "620100")).ToUrl("/api/dev/tokens");
            s.StatusCodeShouldBe(200);
        });
        var token = (await result.ReadAsJsonAsync<DevToken>())!;
        Assert.True(token.ExpiresAt > DateTimeOffset.UtcNow);
        await host.Scenario(s => { s.Get.Url("/api/departments/HRSS/queue"); s.WithBearerToken(token.Token); s.StatusCodeShouldBe(200); });
        await host.Scenario(s => { s.Get.Url("/api/departments/HEALTH/queue"); s.WithBearerToken(token.Token); s.StatusCodeShouldBe(403); });

        foreach (var (request, field) in new[]
        {
            (new DevTokenRequest("", Roles.Window, null, "620100"), "userId"),
            (new DevTokenRequest("x", "Janitor", null, "620100"), "role"),
            (new DevTokenRequest("x", Roles.DepartmentReviewer, null, "620100"), "department"),
            (new DevTokenRequest("x", Roles.DepartmentReviewer, "NOPE", "620100"), "department"),
            (new DevTokenRequest("x", Roles.Window, "HRSS", "620100"), "department"),
            (new DevTokenRequest("x", Roles.Window, null, "999999"), "regionCode"),
        })
        {
            var refused = await host.Scenario(s =>
            {
                s.Post.Json(request).ToUrl("/api/dev/tokens");
                s.StatusCodeShouldBe(400);
            });
            var problem = (await refused.ReadAsJsonAsync<ValidationProblemDetails>())!;
            Assert.Contains(" / ", Assert.Single(Assert.Contains(field, problem.Errors)));
        }
    }
}
