using System.Text.Json;
using Alba;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Cases;

/// <summary>The OpenAPI document describes every endpoint well enough for a generated client.</summary>
public sealed class OpenApiTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task every_operation_has_typed_responses_and_its_problems()
    {
        var result = await Host.Scenario(s => s.Get.Url("/swagger/v1/swagger.json"));
        using var doc = JsonDocument.Parse(await result.ReadAsTextAsync());
        var paths = doc.RootElement.GetProperty("paths");
        var operations = 0;
        foreach (var path in paths.EnumerateObject())
        foreach (var op in path.Value.EnumerateObject())
        {
            operations++;
            var name = $"{op.Name.ToUpperInvariant()} {path.Name}";
            var responses = op.Value.GetProperty("responses");
            var success = responses.EnumerateObject().Single(r => r.Name is "200" or "201");
            var content = success.Value.GetProperty("content").EnumerateObject().First().Value;
            var schema = content.GetProperty("schema");
            Assert.True(schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("type", out var t) && t.GetString() is "array" or "string",
                $"{name}: the success response has no real type");
            if (op.Name == "post") Assert.True(responses.TryGetProperty("400", out _), $"{name}: no 400");
            if (path.Name.Contains('{')) Assert.True(responses.TryGetProperty("404", out _), $"{name}: no 404");
            else Assert.False(responses.TryGetProperty("404", out var bare) && !bare.TryGetProperty("content", out _), $"{name}: a bare 404");
            if (op.Name == "post" && path.Name.StartsWith("/api/cases/{id}"))
                Assert.True(responses.TryGetProperty("409", out _), $"{name}: no 409");
        }
        Assert.True(operations >= 20);

        var submit = doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Api.Cases.SubmitCase");
        Assert.Equal("620100", submit.GetProperty("example").GetProperty("regionCode").GetString());
    }
}
