using System.Net;
using Alba;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.Access;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Access;

/// <summary>
/// Every route the app maps × every role × a case of another region or department: only the
/// allowed cells get through, and a refused one writes nothing. The routes are read from the app's
/// endpoint data source, so a new route without a policy, or missing from <see cref="AccessTable"/>, fails.
/// </summary>
public sealed class AccessMatrixTests(AppFixture app) : ApiTest(app)
{
    private const string Home = "620100";
    private const string Elsewhere = "620200";

    private static Staff Member(string role, string region = Home, string department = "HEALTH") => role switch
    {
        Roles.DepartmentReviewer => Staff.Reviewer(department, $"reviewer-{department}-{region}", region),
        _ => new Staff($"{role.ToLowerInvariant()}-{region}", role, null, region),
    };

    private IReadOnlyList<(string Key, RouteEndpoint Endpoint)> MappedRoutes() =>
        Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => ($"{m} /{e.RoutePattern.RawText!.TrimStart('/')}", e)))
            .ToList();

    [Fact]
    public void every_mapped_route_names_its_roles_and_is_in_the_table()
    {
        var mapped = MappedRoutes();
        foreach (var (key, endpoint) in mapped)
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var roles = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).Order().ToArray();
            Assert.True(anonymous || roles.Length > 0, $"{key} has neither [Authorize(Roles = ...)] nor [AllowAnonymous]");
            Assert.True(AccessTable.Routes.TryGetValue(key, out var expected), $"{key} is mapped but missing from AccessTable");
            Assert.Equal(expected!.Order(), anonymous ? [] : roles);
        }
        Assert.Empty(AccessTable.Routes.Keys.Except(mapped.Select(m => m.Key)));
    }

    [Fact]
    public async Task each_role_reaches_exactly_its_routes_and_a_refusal_writes_nothing()
    {
        var probe = await Prepare();
        var cells = AccessTable.Routes.SelectMany(r => Roles.All.Select(role => (Route: r.Key, Role: (string?)role)).Append((r.Key, null))).ToList();
        bool Allowed((string Route, string? Role) c) =>
            AccessTable.Routes[c.Route] is var roles && (roles.Length == 0 || c.Role is not null && roles.Contains(c.Role));

        var events = await EventCount();
        foreach (var cell in cells.Where(c => !Allowed(c)))
        {
            var status = await Send(probe, cell.Route, cell.Role is null ? null : Member(cell.Role));
            Assert.True(status == (cell.Role is null ? 401 : 403), $"{cell.Role ?? "no token"} on {cell.Route}: {status}");
        }
        Assert.Equal(events, await EventCount());

        foreach (var cell in cells.Where(Allowed))
        {
            var status = await Send(probe, cell.Route, cell.Role is null ? null : Member(cell.Role));
            Assert.True(status is not (401 or 403), $"{cell.Role ?? "no token"} on {cell.Route}: {status}");
            if (cell.Route.StartsWith("GET /api", StringComparison.Ordinal))
                Assert.True(status == 200, $"{cell.Role ?? "no token"} on {cell.Route}: {status}, expected 200");
            else if (cell.Route.Contains("{id}"))
                Assert.True(status != 404, $"{cell.Role} on {cell.Route}: 404 in their own jurisdiction");
        }
    }

    [Fact]
    public async Task a_case_of_another_region_or_department_is_not_found_and_unchanged()
    {
        var probe = await Prepare();
        var events = await EventCount();
        foreach (var (route, roles) in AccessTable.Routes.Where(r => r.Key.Contains("{id}")))
        foreach (var role in roles)
        {
            var outsiders = new List<Staff> { Member(role, Elsewhere) };
            if (role == Roles.DepartmentReviewer)
            {
                outsiders.Add(Member(role, Home, "JUSTICE"));               // no item of theirs in the case
                if (route.Contains("{itemCode}")) outsiders.Add(Member(role, Home, "PUBLIC_SECURITY")); // an item, not this one
            }
            foreach (var outsider in outsiders)
                Assert.True(await Send(probe, route, outsider) == 404, $"{outsider} on {route} should be 404");
        }
        Assert.Equal(events, await EventCount());

        // Lists and reports: another region's cases are not listed, and asking for them is 403.
        await Projected();
        var list = await Api.GetAs<ShenHou.Api.Cases.CaseList>("/api/cases", Member(Roles.Window, Elsewhere));
        Assert.Equal(0, list.Total);
        Assert.Equal(1, (await Api.GetAs<ShenHou.Api.Cases.CaseList>("/api/cases", Member(Roles.Window))).Total);
        Assert.Empty((await Api.GetAs<ShenHou.Api.Work.DepartmentQueue>("/api/departments/HEALTH/queue", Member(Roles.DepartmentReviewer, Elsewhere))).Items);
        Assert.Single((await Api.GetAs<ShenHou.Api.Work.DepartmentQueue>("/api/departments/HEALTH/queue", Member(Roles.DepartmentReviewer))).Items);
        foreach (var (url, staff) in new[]
        {
            ($"/api/cases?regionCode={Home}", Member(Roles.Window, Elsewhere)),
            ($"/api/escalations?regionCode={Home}", Member(Roles.Supervisor, Elsewhere)),
            ($"/api/reports/compression?regionCode={Home}", Member(Roles.Supervisor, Elsewhere)),
            ($"/api/audit/access-log?regionCode={Home}", Member(Roles.Auditor, Elsewhere)),
            ("/api/departments/JUSTICE/queue", Member(Roles.DepartmentReviewer)),
        })
            Assert.Equal(403, await Status(HttpMethod.Get, url, null, staff));
        Assert.Equal(404, await Status(HttpMethod.Get, probe.StatusUrl, null, Member(Roles.Hotline, Elsewhere)));
        Assert.Equal(403, await Status(HttpMethod.Post, "/api/cases", Forms.For("DEATH_CERT"), Member(Roles.Window, Elsewhere)));
    }

    private sealed record Probe(Guid CaseId, string StatusUrl);

    /// <summary>A case of region 620100, accepted: DEATH_CERT (HEALTH) is transferred, HUKOU_CANCEL waits for it.</summary>
    private async Task<Probe> Prepare()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT", "HUKOU_CANCEL", "PENSION_SURVIVOR_BENEFIT"));
        await Api.VerifyAll(created.Id);
        await Api.Accept(created.Id);
        Assert.Equal(200, await Status(HttpMethod.Post, "/api/audit/checkpoints/2026-12-02", null, Staff.Auditor()));
        return new Probe(created.Id, $"/api/status?caseNumber={created.CaseNumber}&phoneLast4=8000");
    }

    private Task<int> Send(Probe probe, string route, Staff? staff)
    {
        var space = route.IndexOf(' ');
        var method = new HttpMethod(route[..space]);
        var url = route[(space + 1)..]
            .Replace("{id}", probe.CaseId.ToString())
            .Replace("{materialCode}", "DECEASED_ID")
            .Replace("{itemCode}", "DEATH_CERT")
            .Replace("/guide/items/{code}", "/guide/items/DEATH_CERT")
            .Replace("/departments/{code}", "/departments/HEALTH")
            .Replace("{date}", "2026-12-02");
        if (url == "/api/status") url = probe.StatusUrl;
        if (url == "/api/prefill") url += "?idNumber=620102194805120133";
        return Status(method, url, method == HttpMethod.Post ? new { } : null, staff);
    }

    private async Task<int> Status(HttpMethod method, string url, object? body, Staff? staff)
    {
        var result = await Host.Scenario(s =>
        {
            if (method == HttpMethod.Post) s.Post.Json(body ?? new { }).ToUrl(url);
            else s.Get.Url(url);
            if (staff is not null) s.As(staff);
            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    private async Task<long> EventCount()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.QueryAsync<long>("select count(*) from shenhou.mt_events")).Single();
    }
}
