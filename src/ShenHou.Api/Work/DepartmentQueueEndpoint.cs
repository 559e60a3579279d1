using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Projections.Work;
using Wolverine.Http;

namespace ShenHou.Api.Work;

public sealed record QueueEntry(
    Guid CaseId, string CaseNumber, string RegionCode, string ItemCode, ItemStatus Status, DateTimeOffset TransferredAt,
    DateTimeOffset DueAt, bool DueConfirmed, bool Overdue, string? ClaimedBy)
{
    public static QueueEntry From(DepartmentWorkItem row, DateTimeOffset now) => new(row.CaseId, row.CaseNumber,
        row.RegionCode, row.ItemCode, row.Status, row.TransferredAt, row.DueAt, row.DueConfirmed,
        row.Open && row.DueAt < now, row.ClaimedBy);
}

public sealed record DepartmentQueue(int Total, int Page, int PageSize, IReadOnlyList<QueueEntry> Items);

public static class DepartmentQueueEndpoint
{
    public static ProblemDetails Validate(string code, string? status, int? page, int? pageSize, ServiceCatalog catalog)
    {
        if (!catalog.HasDepartment(code))
            return Problems.NotFound($"未知的部门代码 {code}", $"unknown department code {code} (see GET /api/catalog)");
        if (status is not null && !Enum.TryParse<ItemStatus>(status, ignoreCase: false, out _))
            return Problems.Validation("status", $"未知的事项状态 / unknown item status; one of {string.Join(", ", Enum.GetNames<ItemStatus>())}");
        return Paging.Check(page, pageSize) ?? WolverineContinue.NoProblems;
    }

    /// <summary>
    /// A department's work, earliest deadline first. Without <c>status</c> only open items
    /// (Transferred, Approved); <c>overdue=true</c> only those past their deadline.
    /// </summary>
    [Authorize(Roles = Roles.ReviewerOrSupervisor)]
    [WolverineGet("/api/departments/{code}/queue", OperationId = "GetDepartmentQueue"), Tags("Work")]
    [ProducesResponseType<DepartmentQueue>(StatusCodes.Status200OK)]
    public static async Task<DepartmentQueue> Get(string code, string? status, bool? overdue, int? page, int? pageSize,
        IQuerySession session, ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var caller = StaffMember.Of(http);
        caller.RequireDepartment(code);
        var now = clock.GetUtcNow();
        var (p, size) = Paging.Of(page, pageSize);
        IQueryable<DepartmentWorkItem> rows = session.Query<DepartmentWorkItem>().Where(r => r.Department == code);
        if (caller.Region(null) is { } region) rows = rows.Where(r => r.RegionCode == region);
        if (status is null) rows = rows.Where(r => r.Open);
        else
        {
            var wanted = Enum.Parse<ItemStatus>(status);
            // An item of a withdrawn case keeps its last status but is no longer the department's work.
            rows = wanted is ItemStatus.Transferred or ItemStatus.Approved
                ? rows.Where(r => r.Status == wanted && r.Open)
                : rows.Where(r => r.Status == wanted);
        }
        if (overdue == true) rows = rows.Where(r => r.Open && r.DueAt < now);
        if (overdue == false) rows = rows.Where(r => !r.Open || r.DueAt >= now);

        // Counted apart from the page, on the (department, open, dueAt, caseNumber) index.
        var total = await rows.CountAsync(ct);
        var found = await rows.OrderBy(r => r.DueAt).ThenBy(r => r.CaseNumber)
            .Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new DepartmentQueue(total, p, size, found.Select(r => QueueEntry.From(r, now)).ToArray());
    }
}
