using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Cases;

/// <summary>The window's verdict on a material the applicant handed in.</summary>
/// <param name="Passed">Whether the material is in order.</param>
/// <param name="Reason" example="复印件不清晰">Required when it is not.</param>
/// <param name="Version">The case version the caller last saw; stale is 409. Omit to let the server serialise.</param>
public sealed record VerifyMaterial(bool? Passed, string? Reason, long? Version);

public static class VerifyMaterialEndpoint
{
    public static ProblemDetails Validate(VerifyMaterial? request)
    {
        if (request is null) return Problems.BodyRequired;
        if (request.Passed is null) return Problems.Validation("passed", "必填 / required");
        if (request.Passed == false && string.IsNullOrWhiteSpace(request.Reason))
            return Problems.Validation("reason", "核验不通过时须说明原因 / a reason is required when the material fails");
        return WolverineContinue.NoProblems;
    }

    /// <summary>Record the verification of one material (材料核验).</summary>
    [Authorize(Roles = Roles.Window)]
    [WolverinePost("/api/cases/{id}/materials/{materialCode}/verification", OperationId = "VerifyMaterial"), Tags("Cases")]
    [ProducesResponseType<CaseVersion>(StatusCodes.Status200OK)]
    public static async Task<CaseVersion> Post(Guid id, string materialCode, VerifyMaterial request,
        IDocumentSession session, ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var stream = await CaseStream.Load(session, id, request.Version, ct);
        var current = stream.RequireMaterial(materialCode);
        return stream.Append(CaseDecisions.VerifyMaterial(current, materialCode, request.Passed!.Value,
            request.Reason, Stamps.For(http, clock)));
    }
}
