using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Cases;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Work;

/// <param name="Reference" example="外院死亡证明 B620100-2026-0345">What was brought instead, and its number.</param>
/// <param name="Reason" example="家属提交了医院出具的死亡医学证明">Why the case's own item is not waited for.</param>
/// <param name="Version">The case version the caller last saw; stale is 409.</param>
public sealed record SupplyMaterial(string? Reference, string? Reason, long? Version);

public static class SupplyMaterialEndpoint
{
    public static ProblemDetails Validate(SupplyMaterial? request)
    {
        if (request is null) return Problems.BodyRequired;
        if (string.IsNullOrWhiteSpace(request.Reference)) return Problems.Validation("reference", "必填 / required");
        return string.IsNullOrWhiteSpace(request.Reason) ? Problems.Validation("reason", "必填 / required") : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// 另行提供: a material the case would produce was obtained another way; the items needing it stop
    /// waiting for its producer (and are not closed if the producer is rejected).
    /// </summary>
    [Authorize(Roles = Roles.Window)]
    [WolverinePost("/api/cases/{id}/materials/{materialCode}/supplied-otherwise", OperationId = "SupplyMaterialOtherwise"), Tags("Work")]
    [ProducesResponseType<CaseVersion>(StatusCodes.Status200OK)]
    public static async Task<CaseVersion> Post(Guid id, string materialCode, SupplyMaterial request, IDocumentSession session,
        WorkingCalendar calendar, ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var stream = await CaseStream.Load(session, id, request.Version, ct);
        return stream.Append(CaseDecisions.SupplyOtherwise(stream.RequireMaterial(materialCode), materialCode,
            request.Reference!.Trim(), request.Reason!.Trim(), Stamps.For(http, clock), calendar));
    }
}
