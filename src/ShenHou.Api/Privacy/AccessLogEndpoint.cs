using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Calendar;
using Wolverine.Http;

namespace ShenHou.Api.Privacy;

public sealed record AccessLogPage(int Total, int Page, int PageSize, IReadOnlyList<PersonalDataAccess> Items);

public static class AccessLogEndpoint
{
    public static ProblemDetails Validate(string? from, string? to, int? page, int? pageSize)
    {
        if (from is not null && ChinaStandardTime.ParseDay(from) is null) return Problems.Validation("from", "须为日期 yyyy-MM-dd / a date yyyy-MM-dd");
        if (to is not null && ChinaStandardTime.ParseDay(to) is null) return Problems.Validation("to", "须为日期 yyyy-MM-dd / a date yyyy-MM-dd");
        return Paging.Check(page, pageSize) ?? WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Who read full personal data (ID numbers, phones, accounts), of which case, when, and which
    /// fields; newest first. <c>from</c>/<c>to</c> are days in China time, inclusive.
    /// </summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/access-log", OperationId = "GetAccessLog"), Tags("Audit")]
    [ProducesResponseType<AccessLogPage>(StatusCodes.Status200OK)]
    public static async Task<AccessLogPage> Get(Guid? caseId, string? userId, string? regionCode, string? from, string? to,
        int? page, int? pageSize, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var (p, size) = Paging.Of(page, pageSize);
        IQueryable<PersonalDataAccess> rows = session.Query<PersonalDataAccess>();
        if (StaffMember.Of(http).Region(regionCode) is { } region) rows = rows.Where(a => a.RegionCode == region);
        if (caseId is { } id) rows = rows.Where(a => a.CaseId == id);
        if (!string.IsNullOrWhiteSpace(userId)) rows = rows.Where(a => a.UserId == userId);
        if (ChinaStandardTime.ParseDay(from) is { } start) { var s = ChinaStandardTime.StartOf(start); rows = rows.Where(a => a.At >= s); }
        if (ChinaStandardTime.ParseDay(to) is { } end) { var e = ChinaStandardTime.StartOf(end.AddDays(1)); rows = rows.Where(a => a.At < e); }
        var found = await rows.OrderByDescending(a => a.At).Stats(out var stats).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new AccessLogPage((int)stats.TotalResults, p, size, found);
    }
}
