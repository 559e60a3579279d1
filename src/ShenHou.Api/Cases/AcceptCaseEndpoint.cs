using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Cases;

/// <param name="Version">The case version the caller last saw; stale is 409.</param>
public sealed record AcceptCase(long? Version);

public static class AcceptCaseEndpoint
{
    public static ProblemDetails Validate(AcceptCase? request) =>
        request is null ? Problems.BodyRequired : WolverineContinue.NoProblems;

    /// <summary>受理: accept the case and transfer every item that waits for nothing to its department.</summary>
    [Authorize(Roles = Roles.Window)]
    [WolverinePost("/api/cases/{id}/acceptance", OperationId = "AcceptCase"), Tags("Cases")]
    [ProducesResponseType<CaseVersion>(StatusCodes.Status200OK)]
    public static async Task<CaseVersion> Post(Guid id, AcceptCase request, IDocumentSession session,
        WorkingCalendar calendar, ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var stream = await CaseStream.Load(session, id, request.Version, ct);
        return stream.Append(CaseDecisions.Accept(stream.Aggregate!, Stamps.For(http, clock), calendar));
    }
}
