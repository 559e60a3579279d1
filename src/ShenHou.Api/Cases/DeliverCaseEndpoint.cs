using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Cases;

/// <param name="Method">How the results are handed out.</param>
/// <param name="Version">The case version the caller last saw; stale is 409.</param>
public sealed record DeliverCase(DeliveryMethod? Method, long? Version);

public static class DeliverCaseEndpoint
{
    public static ProblemDetails Validate(DeliverCase? request)
    {
        if (request is null) return Problems.BodyRequired;
        return request.Method is null ? Problems.Validation("method", "必填 / required") : WolverineContinue.NoProblems;
    }

    /// <summary>一窗出件: hand every result out together.</summary>
    [Authorize(Roles = Roles.Window)]
    [WolverinePost("/api/cases/{id}/delivery", OperationId = "DeliverCase"), Tags("Cases")]
    [ProducesResponseType<CaseVersion>(StatusCodes.Status200OK)]
    public static async Task<CaseVersion> Post(Guid id, DeliverCase request, IDocumentSession session,
        WorkingCalendar calendar, ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var stream = await CaseStream.Load(session, id, request.Version, ct);
        return stream.Append(CaseDecisions.Deliver(stream.Aggregate!, request.Method!.Value, Stamps.For(http, clock), calendar));
    }
}
