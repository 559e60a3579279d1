using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Cases;

/// <summary>A department's decision on its item.</summary>
/// <param name="Reason" example="不符合领取条件">Required when rejecting.</param>
/// <param name="Version">The case version the caller last saw; stale is 409.</param>
public sealed record DecideItem(bool? Approved, string? Reason, long? Version);

public static class DecideItemEndpoint
{
    public static ProblemDetails Validate(DecideItem? request)
    {
        if (request is null) return Problems.BodyRequired;
        if (request.Approved is null) return Problems.Validation("approved", "必填 / required");
        if (request.Approved == false && string.IsNullOrWhiteSpace(request.Reason))
            return Problems.Validation("reason", "不予办理时须说明原因 / a reason is required when rejecting");
        return WolverineContinue.NoProblems;
    }

    /// <summary>Approve or reject a transferred item (审批). A rejection closes the items that wait for it.</summary>
    [Authorize(Roles = Roles.DepartmentReviewer)]
    [WolverinePost("/api/cases/{id}/items/{itemCode}/decision", OperationId = "DecideItem"), Tags("Cases")]
    [ProducesResponseType<CaseVersion>(StatusCodes.Status200OK)]
    public static async Task<CaseVersion> Post(Guid id, string itemCode, DecideItem request,
        IDocumentSession session, ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var stream = await CaseStream.Load(session, id, request.Version, ct);
        var current = stream.RequireItem(itemCode);
        return stream.Append(CaseDecisions.Decide(current, itemCode, request.Approved!.Value,
            request.Reason?.Trim(), Stamps.For(http, clock)));
    }
}
