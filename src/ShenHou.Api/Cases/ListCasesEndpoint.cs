using System.Globalization;
using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Cases;
using ShenHou.Projections.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Cases;

public sealed record CaseListEntry(
    Guid Id, string CaseNumber, CaseStatus Status, string RegionCode, Channel Channel, string DeceasedName,
    string ApplicantName, DateTimeOffset SubmittedAt, DateTimeOffset? DueAt, bool Overdue, int ItemsTotal, int ItemsFinished);

public sealed record CaseList(int Total, int Page, int PageSize, IReadOnlyList<CaseListEntry> Items);

/// <summary>统一窗口视图: every case, filtered, sorted and paged. Projected asynchronously: may lag a moment.</summary>
public static class ListCasesEndpoint
{
    private static readonly string[] Sorts = ["submittedAt", "-submittedAt", "dueAt"];

    public static ProblemDetails Validate(string? status, string? sort, string? submittedFrom, string? submittedTo,
        int? page, int? pageSize)
    {
        if (status is not null && !Enum.TryParse<CaseStatus>(status, ignoreCase: false, out _))
            return Problems.Validation("status", $"未知的办件状态 / unknown case status; one of {string.Join(", ", Enum.GetNames<CaseStatus>())}");
        if (sort is not null && !Sorts.Contains(sort))
            return Problems.Validation("sort", $"排序须为 / sort is one of {string.Join(", ", Sorts)}");
        if (submittedFrom is not null && ParseInstant(submittedFrom) is null)
            return Problems.Validation("submittedFrom", "须为日期 yyyy-MM-dd 或 ISO 8601 时间 / a date yyyy-MM-dd or an ISO 8601 timestamp");
        if (submittedTo is not null && ParseInstant(submittedTo) is null)
            return Problems.Validation("submittedTo", "须为日期 yyyy-MM-dd 或 ISO 8601 时间 / a date yyyy-MM-dd or an ISO 8601 timestamp");
        return Paging.Check(page, pageSize) ?? WolverineContinue.NoProblems;
    }

    /// <summary>
    /// The unified window view. <c>q</c> matches a case number exactly or part of the deceased's or
    /// applicant's name; <c>submittedTo</c> as a date includes that whole day (China time).
    /// </summary>
    [Authorize(Roles = Roles.WindowOrSupervisor)]
    [WolverineGet("/api/cases", OperationId = "ListCases"), Tags("Cases")]
    [ProducesResponseType<CaseList>(StatusCodes.Status200OK)]
    public static async Task<CaseList> Get(string? regionCode, string? status, string? department, bool? overdue,
        string? q, string? submittedFrom, string? submittedTo, int? page, int? pageSize, string? sort,
        IQuerySession session, ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (p, size) = Paging.Of(page, pageSize);
        IQueryable<CaseSummary> rows = session.Query<CaseSummary>();
        var region = StaffMember.Of(http).Region(regionCode);
        if (region is not null) rows = rows.Where(c => c.RegionCode == region);
        if (status is not null)
        {
            var wanted = Enum.Parse<CaseStatus>(status);
            rows = rows.Where(c => c.Status == wanted);
        }
        if (!string.IsNullOrWhiteSpace(department)) rows = rows.Where(c => c.Departments.Contains(department));
        if (overdue is { } late)
            rows = late
                ? rows.Where(c => c.Status == CaseStatus.Accepted && (c.EarliestOpenDueAt < now || c.DueAt < now))
                : rows.Where(c => c.Status != CaseStatus.Accepted || !(c.EarliestOpenDueAt < now || c.DueAt < now));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            rows = rows.Where(c => c.CaseNumber == term || c.DeceasedName.Contains(term) || c.ApplicantName.Contains(term));
        }
        // submittedAt is a timestamptz column: compare in UTC (Npgsql writes no other offset).
        if (submittedFrom is not null) { var from = ParseInstant(submittedFrom)!.Value.Start.ToUniversalTime(); rows = rows.Where(c => c.SubmittedAt >= from); }
        if (submittedTo is not null) { var to = ParseInstant(submittedTo)!.Value.End.ToUniversalTime(); rows = rows.Where(c => c.SubmittedAt < to); }

        var filtered = rows;
        rows = sort switch
        {
            "submittedAt" => rows.OrderBy(c => c.SubmittedAt),
            "dueAt" => rows.OrderBy(c => c.DueAt).ThenBy(c => c.SubmittedAt),
            _ => rows.OrderByDescending(c => c.SubmittedAt),
        };
        // By region and status alone the total is kept by the database (CaseCounts); other filters are
        // counted apart from the page: count(*) over() would read every matching row to sort one page.
        var countedAhead = string.IsNullOrWhiteSpace(department) && overdue is null && string.IsNullOrWhiteSpace(q)
            && submittedFrom is null && submittedTo is null;
        var total = countedAhead
            ? await CaseCounts.Total(session, region, status, ct)
            : await filtered.CountAsync(ct);
        var found = await rows.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new CaseList(total, p, size, found.Select(c => new CaseListEntry(c.Id, c.CaseNumber,
            c.Status, c.RegionCode, c.Channel, c.DeceasedName, c.ApplicantName, c.SubmittedAt, c.DueAt,
            c.Status == CaseStatus.Accepted && (c.EarliestOpenDueAt < now || c.DueAt < now), c.ItemsTotal, c.ItemsFinished)).ToArray());
    }

    /// <summary>A date is the whole day in China time; a timestamp is that instant.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End)? ParseInstant(string value)
    {
        if (ChinaStandardTime.ParseDay(value) is { } day)
        {
            var start = ChinaStandardTime.StartOf(day);
            return (start, start.AddDays(1));
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? (instant, instant)
            : null;
    }
}
