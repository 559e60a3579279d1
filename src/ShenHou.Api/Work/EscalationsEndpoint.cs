using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Projections.Work;
using Wolverine.Http;

namespace ShenHou.Api.Work;

public sealed record EscalationCount(string Key, int Count);

/// <param name="Items">Open overdue items, the longest overdue first.</param>
public sealed record Escalations(
    int Total, IReadOnlyList<EscalationCount> ByDepartment, IReadOnlyList<EscalationCount> ByRegion,
    IReadOnlyList<QueueEntry> Items);

public static class EscalationsEndpoint
{
    /// <summary>督办: every open item past its deadline, by department and region, for supervisors.</summary>
    [Authorize(Roles = Roles.Supervisor)]
    [WolverineGet("/api/escalations", OperationId = "GetEscalations"), Tags("Work")]
    [ProducesResponseType<Escalations>(StatusCodes.Status200OK)]
    public static async Task<Escalations> Get(string? department, string? regionCode, IQuerySession session,
        ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = session.Query<DepartmentWorkItem>().Where(r => r.Open && r.DueAt < now);
        if (!string.IsNullOrWhiteSpace(department)) query = query.Where(r => r.Department == department);
        if (StaffMember.Of(http).Region(regionCode) is { } region) query = query.Where(r => r.RegionCode == region);
        var rows = await query.OrderBy(r => r.DueAt).ToListAsync(ct);

        static IReadOnlyList<EscalationCount> Count(IEnumerable<string> keys) =>
            keys.GroupBy(k => k).Select(g => new EscalationCount(g.Key, g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Key).ToArray();
        return new Escalations(rows.Count, Count(rows.Select(r => r.Department)), Count(rows.Select(r => r.RegionCode)),
            rows.Select(r => QueueEntry.From(r, now)).ToArray());
    }
}
