using Alba;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.DataSharing;
using ShenHou.Domain.People;
using ShenHou.Tests.Support;
using Wolverine;

namespace ShenHou.Tests.DataSharing;

/// <summary>GET /api/prefill through the app, which uses the demo simulators by default.</summary>
public sealed class PrefillTests(AppFixture app) : ApiTest(app)
{
    private const string Deceased = "620102194805120133";   // 李德明, deceased
    private const string Son = "62010219750903033X";        // 李建国, his son: check character X

    private async Task<T> Get<T>(string query, int status)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Get.Url("/api/prefill" + query);
            s.StatusCodeShouldBe(status);
        });
        return (await result.ReadAsJsonAsync<T>())!;
    }

    [Fact]
    public async Task A_known_person_is_prefilled_from_the_population_registry()
    {
        var answer = await Get<PrefillAnswer>($"?idNumber={Deceased}", 200);

        Assert.Equal(new PrefillAnswer(Deceased, "李德明", Gender.Male, "汉族", "甘肃省兰州市城关区张掖路街道酒泉路123号2单元301室",
            true, "PopulationRegistry"), answer);
    }

    [Fact]
    public async Task A_lower_case_x_is_normalised()
    {
        var answer = await Get<PrefillAnswer>($"?idNumber={Son.ToLowerInvariant()}", 200);

        Assert.Equal(Son, answer.IdNumber);
        Assert.Equal("李建国", answer.Name);
        Assert.False(answer.Deceased);
    }

    [Fact]
    public async Task An_unknown_valid_number_is_404()
    {
        var stranger = CitizenId.Compose("620102", new DateOnly(1990, 1, 1), 1);

        var problem = await Get<ProblemDetails>($"?idNumber={stranger}", 404);

        Assert.Contains("620102********", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(stranger, problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?idNumber=620102194805120134", "check character")]
    [InlineData("?idNumber=62010219480512", "18 characters")]
    [InlineData("?idNumber=", "required")]
    [InlineData("", "required")]
    public async Task An_invalid_number_is_a_validation_problem(string query, string message)
    {
        var problem = await Get<HttpValidationProblemDetails>(query, 400);

        var error = Assert.Single(problem.Errors["idNumber"]);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("GB 11643", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_prefill_and_its_problems()
    {
        var result = await Host.Scenario(s => s.Get.Url("/swagger/v1/swagger.json"));
        using var doc = System.Text.Json.JsonDocument.Parse(await result.ReadAsTextAsync());

        var get = doc.RootElement.GetProperty("paths").GetProperty("/api/prefill").GetProperty("get");
        Assert.Equal("Prefill", get.GetProperty("operationId").GetString());
        Assert.Equal("idNumber", get.GetProperty("parameters")[0].GetProperty("name").GetString());
        var responses = get.GetProperty("responses").EnumerateObject().Select(r => r.Name);
        Assert.Equal(["200", "400", "401", "403", "404", "503"], responses.Order(StringComparer.Ordinal));
    }
}

/// <summary>A population registry that is down answers 503, never 500: a host of its own, pointed at a closed port.</summary>
[Collection(AppCollection.Name)]
public sealed class PrefillUnavailableTests
{
    [Fact]
    public async Task An_unreachable_registry_is_503_with_a_bilingual_problem()
    {
        await using var host = await AlbaHost.For<Program>(x =>
        {
            x.UseSetting("Auth:SigningKey", Staff.SigningKey);
            x.UseSetting("DataSharing:PopulationRegistry:BaseUrl", LoopbackServer.ClosedPort().ToString());
            foreach (var (key, value) in RegistryHarness.FastResilience) x.UseSetting(key, value);
            x.ConfigureServices(services =>
            {
                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
            });
        });

        var result = await host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Get.Url($"/api/prefill?idNumber={Forms.ApplicantId}");
            s.StatusCodeShouldBe(503);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = (await result.ReadAsJsonAsync<ProblemDetails>())!;

        Assert.Equal("共享数据暂不可用 / Shared data is unavailable", problem.Title);
        Assert.Contains("人口库", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("population registry", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("PopulationRegistry", problem.Extensions["registry"]?.ToString());
    }
}
