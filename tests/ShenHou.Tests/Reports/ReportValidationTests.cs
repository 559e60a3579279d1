using Alba;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Reports;

/// <summary>Bad report queries are 400 problems in Chinese and English, keyed by the parameter.</summary>
public sealed class ReportValidationTests(AppFixture app) : ApiTest(app)
{
    [Theory]
    [InlineData("/api/reports/compression?from=2026-13-01", "from")]
    [InlineData("/api/reports/compression?from=2026-12-01T00:00:00Z", "from")]
    [InlineData("/api/reports/compression?to=yesterday", "to")]
    [InlineData("/api/reports/compression?from=2026-12-31&to=2026-12-01", "from")]
    [InlineData("/api/reports/compression?groupBy=week", "groupBy")]
    [InlineData("/api/reports/compression?regionCode=999999", "regionCode")]
    [InlineData("/api/reports/compression/misses?regionCode=620000", "regionCode")]
    [InlineData("/api/reports/compression/misses?to=2026-02-30", "to")]
    [InlineData("/api/reports/compression/misses?pageSize=101", "pageSize")]
    [InlineData("/api/reports/compression/misses?page=0", "page")]
    [InlineData("/api/reports/compression/chart.svg?groupBy=day", "groupBy")]
    [InlineData("/api/reports/compression/chart.svg?from=2027-01-01&to=2026-01-01", "from")]
    public async Task bad_queries_are_400_keyed_by_the_parameter(string url, string field)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.As(Staff.Supervisor());
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = (await result.ReadAsJsonAsync<ValidationProblemDetails>())!;
        var message = Assert.Single(Assert.Contains(field, problem.Errors));
        Assert.Contains(" / ", message); // Chinese / English
        Assert.Contains(" / ", problem.Title);
    }

    [Fact]
    public async Task every_problem_is_reported_at_once()
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Supervisor());
            s.Get.Url("/api/reports/compression?from=x&to=y&groupBy=z&regionCode=0");
            s.StatusCodeShouldBe(400);
        });
        var problem = (await result.ReadAsJsonAsync<ValidationProblemDetails>())!;
        Assert.Equal(["from", "groupBy", "regionCode", "to"], problem.Errors.Keys.Order());
    }

    [Fact]
    public async Task empty_filters_are_no_filters()
    {
        await Host.Scenario(s =>
        {
            s.As(Staff.Supervisor());
            s.Get.Url("/api/reports/compression?regionCode=&groupBy=");
            s.StatusCodeShouldBe(200);
        });
    }
}
