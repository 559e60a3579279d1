using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Cases;

/// <summary>The result a department issued for its approved item.</summary>
/// <param name="Reference" example="甘死证〔2026〕001234">The certificate or document number.</param>
/// <param name="Version">The case version the caller last saw; stale is 409.</param>
public sealed record IssueItem(string? Reference, long? Version);

public static class IssueItemEndpoint
{
    public static ProblemDetails Validate(IssueItem? request)
    {
        if (request is null) return Problems.BodyRequired;
        return string.IsNullOrWhiteSpace(request.Reference)
            ? Problems.Validation("reference", "必填 / required")
            : request.Reference.Length > 100
                ? Problems.Validation("reference", "不能超过100个字符 / at most 100 characters")
                : WolverineContinue.NoProblems;
    }

    /// <summary>Issue the result of an approved item (出证); items waiting for it are transferred by themselves.</summary>
    [Authorize(Roles = Roles.DepartmentReviewer)]
    [WolverinePost("/api/cases/{id}/items/{itemCode}/issuance", OperationId = "IssueItem"), Tags("Cases")]
    [ProducesResponseType<CaseVersion>(StatusCodes.Status200OK)]
    public static async Task<CaseVersion> Post(Guid id, string itemCode, IssueItem request,
        IDocumentSession session, WorkingCalendar calendar, ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var stream = await CaseStream.Load(session, id, request.Version, ct);
        var current = stream.RequireItem(itemCode);
        return stream.Append(CaseDecisions.Issue(current, itemCode, request.Reference!.Trim(), Stamps.For(http, clock), calendar));
    }
}
