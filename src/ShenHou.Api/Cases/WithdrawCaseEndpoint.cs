using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Cases;

/// <param name="Reason" example="家属决定自行办理">Why the family withdraws.</param>
/// <param name="Version">The case version the caller last saw; stale is 409.</param>
public sealed record WithdrawCase(string? Reason, long? Version);

public static class WithdrawCaseEndpoint
{
    public static ProblemDetails Validate(WithdrawCase? request)
    {
        if (request is null) return Problems.BodyRequired;
        return string.IsNullOrWhiteSpace(request.Reason)
            ? Problems.Validation("reason", "必填 / required")
            : WolverineContinue.NoProblems;
    }

    /// <summary>Withdraw a case that is not finished yet (撤回).</summary>
    [Authorize(Roles = Roles.Window)]
    [WolverinePost("/api/cases/{id}/withdrawal", OperationId = "WithdrawCase"), Tags("Cases")]
    [ProducesResponseType<CaseVersion>(StatusCodes.Status200OK)]
    public static async Task<CaseVersion> Post(Guid id, WithdrawCase request, IDocumentSession session,
        ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var stream = await CaseStream.Load(session, id, request.Version, ct);
        return stream.Append(CaseDecisions.Withdraw(stream.Aggregate!, request.Reason!.Trim(), Stamps.For(http, clock)));
    }
}
