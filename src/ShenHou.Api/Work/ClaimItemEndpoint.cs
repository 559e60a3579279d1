using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Cases;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Work;

/// <param name="Version">The case version the caller last saw; stale is 409.</param>
public sealed record ClaimItem(long? Version);

public static class ClaimItemEndpoint
{
    public static ProblemDetails Validate(ClaimItem? request) =>
        request is null ? Problems.BodyRequired : WolverineContinue.NoProblems;

    /// <summary>认领: the reviewer holding the token takes the item; a claim by someone else is 409.</summary>
    [Authorize(Roles = Roles.DepartmentReviewer)]
    [WolverinePost("/api/cases/{id}/items/{itemCode}/claim", OperationId = "ClaimItem"), Tags("Work")]
    [ProducesResponseType<CaseVersion>(StatusCodes.Status200OK)]
    public static async Task<CaseVersion> Post(Guid id, string itemCode, ClaimItem request, IDocumentSession session,
        ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var stream = await CaseStream.Load(session, id, request.Version, ct);
        return stream.Append(CaseDecisions.Claim(stream.RequireItem(itemCode), itemCode, Stamps.For(http, clock)));
    }

    /// <summary>Release one's claim on an item.</summary>
    [Authorize(Roles = Roles.DepartmentReviewer)]
    [WolverinePost("/api/cases/{id}/items/{itemCode}/release", OperationId = "ReleaseItem"), Tags("Work")]
    [ProducesResponseType<CaseVersion>(StatusCodes.Status200OK)]
    public static async Task<CaseVersion> Release(Guid id, string itemCode, ClaimItem request, IDocumentSession session,
        ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var stream = await CaseStream.Load(session, id, request.Version, ct);
        return stream.Append(CaseDecisions.Release(stream.RequireItem(itemCode), itemCode, Stamps.For(http, clock)));
    }
}
