using Marten;
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
    public async Task InvokeAsync(HttpContext context, AuthOptions options, IQuerySession session)
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

        var details = await session.LoadAsync<CaseDetails>(id, context.RequestAborted);
        var refusal = details is null ? null : Refusal(member, details, context.GetRouteValue("itemCode") as string);
        if (refusal is not null)
        {
            await AccessProblems.Write(context, refusal);
            return;
        }
        await next(context);
    }

    public static Microsoft.AspNetCore.Mvc.ProblemDetails? Refusal(StaffMember member, CaseDetails details, string? itemCode)
    {
        var notFound = Problems.NotFound($"办件 {details.Id} 不存在", $"case {details.Id} does not exist");
        if (!member.Covers(details.RegionCode)) return notFound;
        if (!member.Is(Roles.DepartmentReviewer)) return null;
        if (!details.Items.Any(i => i.Department == member.Department)) return notFound;
        if (itemCode is not null && details.Items.FirstOrDefault(i => i.Code == itemCode)?.Department != member.Department)
            return Problems.NotFound($"本办件不含事项 {itemCode}", $"item {itemCode} is not part of this case");
        return null;
    }
}
