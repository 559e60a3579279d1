using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Catalog;
using Wolverine.Http;

namespace ShenHou.Api.Reports;

/// <summary>未达标办件: the delivered cases below the 60% target.</summary>
public static class CompressionMissesEndpoint
{
    public static ProblemDetails Validate(string? from, string? to, string? regionCode, int? page, int? pageSize,
        ServiceCatalog catalog) =>
        ReportFilter.Check(from, to, regionCode, null, catalog) ?? Paging.Check(page, pageSize) ?? WolverineContinue.NoProblems;

    /// <summary>
    /// Delivered cases whose own material or time reduction is below 0.6, worst first (lowest of the
    /// two reductions, then the lower sum). <c>reasons</c> names what misses: <c>materials</c>, <c>time</c>.
    /// Filters as the report (delivery days in China time, inclusive); pages of 1 to 100, 20 by default.
    /// </summary>
    /// <param name="from">First delivery day counted, yyyy-MM-dd, China time (+08:00), inclusive.</param>
    /// <param name="to">Last delivery day counted, yyyy-MM-dd, China time (+08:00), inclusive.</param>
    /// <param name="regionCode">Only cases of this region (a catalog region code, e.g. 620100).</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1 to 100, 20 by default.</param>
    [Authorize(Roles = Roles.Supervisor)]
    [WolverineGet("/api/reports/compression/misses", OperationId = "ListCompressionMisses"), Tags("Reports")]
    [ProducesResponseType<CompressionMisses>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<CompressionMisses> Get(string? from, string? to, string? regionCode, int? page, int? pageSize,
        NpgsqlDataSource db, IDocumentStore store, HttpContext http, CancellationToken ct)
    {
        var (p, size) = Paging.Of(page, pageSize);
        var (total, items) = await CompressionSql.Misses(db, store, ReportFilter.Of(from, to, StaffMember.Of(http).Region(regionCode), null), p, size, ct);
        return new CompressionMisses(total, p, size, items);
    }
}
