using Marten;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.AspNetCore.Authorization;
using ShenHou.Api.Infrastructure;
using ShenHou.Projections.Cases;

namespace ShenHou.Api.Access;

/// <summary>
/// Every route under <c>/api/cases/{id}</c> is limited to the caller's jurisdiction: the case's
/// region must be theirs (or they hold the province's scope), and a department reviewer sees only
/// cases with an item of their department, and only those items. Outside it the case answers 404,
/// exactly as if it did not exist, so its existence is not disclosed.
/// </summary>
internal sealed class CaseJurisdiction(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AuthOptions options, CaseScopes scopes)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || !context.Request.Path.StartsWithSegments("/api/cases")
            || !Guid.TryParse(context.GetRouteValue("id") as string, out var id)
            || StaffMember.From(context.User, options.ProvinceCode) is not { } member)
        {
            await next(context);
            return;
        }

        var scope = await scopes.Find(id, context.RequestAborted);
        var refusal = scope is null ? null : Refusal(member, scope, context.GetRouteValue("itemCode") as string);
        if (refusal is not null)
        {
            await AccessProblems.Write(context, refusal);
            return;
        }
        await next(context);
    }

    public static Microsoft.AspNetCore.Mvc.ProblemDetails? Refusal(StaffMember member, CaseScope scope, string? itemCode)
    {
        // The very answers of a missing case or item, so that nothing tells them apart.
        var notFound = NotFoundException.Case(scope.Id).Problem;
        if (!member.Covers(scope.RegionCode)) return notFound;
        if (!member.Is(Roles.DepartmentReviewer)) return null;
        if (member.Department is not { } department || !scope.Departments.Contains(department)) return notFound;
        if (itemCode is not null && scope.DepartmentOf(itemCode) != member.Department)
            return NotFoundException.Item(itemCode).Problem;
        return null;
    }
}

/// <summary>
/// The scopes of recently requested cases. A case's region and items are fixed when it is submitted
/// (no event changes them), so a scope once read stays true and every instance may keep its own copy:
/// a command then spends no round trip on jurisdiction. Missing cases are not kept (one may be filed next).
/// </summary>
internal sealed class CaseScopes(IDocumentStore store) : IDisposable
{
    private readonly MemoryCache _found = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async Task<CaseScope?> Find(Guid id, CancellationToken ct)
    {
        if (_found.TryGetValue(id, out CaseScope? known)) return known;
        await using var session = store.QuerySession();
        var scope = await CaseScope.Load(session, id, ct);
        if (scope is not null) _found.Set(id, scope, new MemoryCacheEntryOptions { Size = 1 });
        return scope;
    }

    public void Dispose() => _found.Dispose();
}

/// <summary>What jurisdiction needs of a case: its region and which department has which item.</summary>
internal sealed record CaseScope(Guid Id, string RegionCode, List<string> ItemCodes, List<string> Departments)
{
    public string? DepartmentOf(string itemCode) => ItemCodes.IndexOf(itemCode) is var i and >= 0 ? Departments[i] : null;

    /// <summary>Three small values out of the case's document, not the whole document.</summary>
    public static async Task<CaseScope?> Load(IQuerySession session, Guid id, CancellationToken ct)
    {
        var table = session.DocumentStore.Options.Schema.For<CaseDetails>();
        var rows = await session.QueryAsync<string>(
            "select jsonb_build_object('regionCode', data -> 'regionCode', " +
            "'itemCodes', jsonb_path_query_array(data, '$.items[*].code'), " +
            $"'departments', jsonb_path_query_array(data, '$.items[*].department'))::text from {table} where id = ?", ct, id);
        if (rows.Count == 0) return null;
        var found = System.Text.Json.JsonSerializer.Deserialize<Found>(rows[0], Infrastructure.Json.Options)!;
        return new CaseScope(id, found.RegionCode, found.ItemCodes, found.Departments);
    }

    private sealed record Found(string RegionCode, List<string> ItemCodes, List<string> Departments);
}
