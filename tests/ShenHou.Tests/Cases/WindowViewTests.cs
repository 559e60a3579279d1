using Alba;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Domain.People;
using ShenHou.Projections.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Cases;

/// <summary>统一窗口视图: GET /api/cases, projected by the async daemon.</summary>
public sealed class WindowViewTests(AppFixture app) : ApiTest(app)
{
    private async Task<CaseList> List(string query = "")
    {
        await Projected();
        return (await new CaseApi(Host).GetAs<CaseList>($"/api/cases{query}", Staff.Window()));
    }

    private async Task<Guid> Submit(string region, string deceased, DateTimeOffset at, params string[] items)
    {
        App.Clock.Now = at;
        var form = Forms.For(items) with
        {
            RegionCode = region,
            Deceased = Forms.Deceased() with { Name = deceased, DiedAt = at.AddDays(-1) },
        };
        return (await Api.Submit(form)).Id;
    }

    private static DateTimeOffset Day(int day, int hour = 10) => new(2026, 12, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task filters_sorts_and_pages()
    {
        var a = await Submit("620100", "王秀英", Day(1), "DEATH_CERT");
        var b = await Submit("620200", "李桂芳", Day(2), "DRIVING_LICENSE_CANCEL");
        var c = await Submit("620100", "王建华", Day(3), "DEATH_CERT", "HUKOU_CANCEL");
        await Api.VerifyAll(c);
        await Api.Accept(c);

        var all = await List();
        Assert.Equal(3, all.Total);
        Assert.Equal([c, b, a], all.Items.Select(i => i.Id)); // newest first by default
        Assert.Equal([a, b, c], (await List("?sort=submittedAt")).Items.Select(i => i.Id));
        var first = (await List("?sort=submittedAt")).Items[0];
        Assert.Equal(("王秀英", "张伟", 1, 0), (first.DeceasedName, first.ApplicantName, first.ItemsTotal, first.ItemsFinished));

        Assert.Equal([c, a], (await List("?regionCode=620100")).Items.Select(i => i.Id));
        Assert.Equal([c], (await List("?status=Accepted")).Items.Select(i => i.Id));
        Assert.Equal([b], (await List("?department=PUBLIC_SECURITY&status=Submitted")).Items.Select(i => i.Id));
        Assert.Equal([c, a], (await List("?q=王")).Items.Select(i => i.Id));
        var number = (await Api.Get(b)).CaseNumber;
        Assert.Equal([b], (await List($"?q={number}")).Items.Select(i => i.Id));
        Assert.Equal([b], (await List("?submittedFrom=2026-12-02&submittedTo=2026-12-02")).Items.Select(i => i.Id));

        var page = await List("?sort=submittedAt&page=2&pageSize=2");
        Assert.Equal((3, 2, 2), (page.Total, page.Page, page.PageSize));
        Assert.Equal([c], page.Items.Select(i => i.Id));
        Assert.Equal(c, (await List("?sort=dueAt")).Items[0].Id); // only c has a deadline; nulls last
    }

    [Fact]
    public async Task overdue_cases_show_in_the_window_view()
    {
        var id = await Submit("620100", "王秀英", Day(3), "DRIVING_LICENSE_CANCEL");
        await Api.VerifyAll(id);
        await Api.Accept(id);
        Assert.False((await List()).Items.Single().Overdue);

        App.Clock.Now = Day(7, 9); // the one-day limit ended Friday night
        var list = await List("?overdue=true");
        Assert.True(Assert.Single(list.Items).Overdue);
        Assert.Empty((await List("?overdue=false")).Items);
    }

    [Fact]
    public async Task totals_kept_by_the_database_match_the_rows_through_changes_and_a_rebuild()
    {
        var a = await Submit("620100", "王秀英", Day(1), "DEATH_CERT");
        var b = await Submit("620100", "李桂芳", Day(2), "DRIVING_LICENSE_CANCEL");
        await Submit("620200", "王建华", Day(3), "DEATH_CERT");
        await Api.VerifyAll(a);
        await Api.Accept(a);
        await Api.Withdraw(b);

        // Region and status alone read the kept totals; a date filter that matches everything counts the rows.
        async Task TotalsMatch()
        {
            foreach (var filter in new[] { "", "regionCode=620100", "status=Accepted", "status=Submitted",
                         "status=Withdrawn", "regionCode=620100&status=Submitted", "regionCode=620200&status=Submitted" })
            {
                var kept = (await List($"?{filter}")).Total;
                var counted = (await List($"?{filter}&submittedFrom=2000-01-01")).Total;
                Assert.True(kept == counted, $"{filter}: kept {kept}, counted {counted}");
            }
        }
        await TotalsMatch();
        Assert.Equal((3, 1, 1, 0), ((await List()).Total, (await List("?status=Accepted")).Total,
            (await List("?status=Withdrawn")).Total, (await List("?regionCode=620200&status=Accepted")).Total));

        // A rebuild empties the table (truncate) and writes every row again.
        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<CaseSummary>(TimeSpan.FromSeconds(30), CancellationToken.None);
        await TotalsMatch();
        Assert.Equal(3, (await List()).Total);
    }

    [Theory]
    [InlineData("?status=Lost", "status")]
    [InlineData("?sort=name", "sort")]
    [InlineData("?submittedFrom=yesterday", "submittedFrom")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=x", "page")]
    [InlineData("?overdue=maybe", "overdue")]
    public async Task bad_queries_are_400_naming_the_parameter(string query, string field)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Get.Url($"/api/cases{query}");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = (await result.ReadAsJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>())!;
        Assert.Contains(" / ", Assert.Single(problem.Errors[field]));
    }
}
