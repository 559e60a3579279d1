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

/// <param name="WorkingDays" example="5">How many working days to add, 1 to 60.</param>
/// <param name="Reason" example="需向外省调取档案">Why the item needs more time.</param>
/// <param name="ApprovedBy" example="supervisor-620100-01">Who approved the extension.</param>
/// <param name="Version">The case version the caller last saw; stale is 409.</param>
public sealed record ExtendDeadline(int? WorkingDays, string? Reason, string? ApprovedBy, long? Version);

public static class ExtendDeadlineEndpoint
{
    public const int MaxExtension = 60;

    public static ProblemDetails Validate(ExtendDeadline? request)
    {
        if (request is null) return Problems.BodyRequired;
        var errors = new Dictionary<string, string[]>();
        if (request.WorkingDays is not (>= 1 and <= MaxExtension))
            errors["workingDays"] = [$"延长天数须为1至{MaxExtension}个工作日 / between 1 and {MaxExtension} working days"];
        if (string.IsNullOrWhiteSpace(request.Reason)) errors["reason"] = ["必填 / required"];
        if (string.IsNullOrWhiteSpace(request.ApprovedBy)) errors["approvedBy"] = ["延期须经批准 / an extension needs its approver"];
        return errors.Count == 0 ? WolverineContinue.NoProblems : Problems.Validation(errors);
    }

    /// <summary>延期: extend an item's time limit, with the reason and the approver, as an event.</summary>
    [Authorize(Roles = Roles.DepartmentReviewer)]
    [WolverinePost("/api/cases/{id}/items/{itemCode}/deadline-extensions", OperationId = "ExtendDeadline"), Tags("Work")]
    [ProducesResponseType<CaseVersion>(StatusCodes.Status200OK)]
    public static async Task<CaseVersion> Post(Guid id, string itemCode, ExtendDeadline request, IDocumentSession session,
        WorkingCalendar calendar, ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var stream = await CaseStream.Load(session, id, request.Version, ct);
        return stream.Append(CaseDecisions.Extend(stream.RequireItem(itemCode), itemCode, request.WorkingDays!.Value,
            request.Reason!.Trim(), request.ApprovedBy!.Trim(), Stamps.For(http, clock), calendar));
    }
}
