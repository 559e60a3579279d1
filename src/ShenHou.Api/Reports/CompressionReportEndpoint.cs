using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Npgsql;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Catalog;
using Wolverine.Http;

namespace ShenHou.Api.Reports;

/// <summary>压缩比报告: time and material compression against the plan's 60% target.</summary>
public static class CompressionReportEndpoint
{
    public static ProblemDetails Validate(string? from, string? to, string? regionCode, string? groupBy, ServiceCatalog catalog) =>
        ReportFilter.Check(from, to, regionCode, groupBy, catalog) ?? WolverineContinue.NoProblems;

    /// <summary>
    /// Compression over DELIVERED cases (only then is the actual time known), aggregated and grouped
    /// by <c>region</c>, <c>month</c> of delivery or <c>item</c>. <c>from</c>/<c>to</c>: delivery days
    /// yyyy-MM-dd in China time (+08:00), inclusive. Reductions are ratios of sums
    /// (1 - handedIn / separately, 1 - actual / separately), 3 decimals. By item a case counts in every
    /// item group it contains with its whole figures. Without <c>groupBy</c>, <c>groups</c> is empty.
    /// With <c>Accept: text/csv</c> the same as CSV (UTF-8 with BOM, one row per group and a TOTAL row).
    /// Read from an async projection: may lag the latest events by moments.
    /// </summary>
    /// <param name="from">First delivery day counted, yyyy-MM-dd, China time (+08:00), inclusive.</param>
    /// <param name="to">Last delivery day counted, yyyy-MM-dd, China time (+08:00), inclusive.</param>
    /// <param name="regionCode">Only cases of this region (a catalog region code, e.g. 620100).</param>
    /// <param name="groupBy"><c>region</c>, <c>month</c> (of delivery, China time) or <c>item</c>; none gives the total only.</param>
    [Authorize(Roles = Roles.Supervisor)]
    [WolverineGet("/api/reports/compression", OperationId = "GetCompressionReport"), Tags("Reports")]
    [ProducesResponseType<CompressionReport>(StatusCodes.Status200OK, "application/json", CompressionCsv.ContentType)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Get(string? from, string? to, string? regionCode, string? groupBy,
        HttpRequest request, NpgsqlDataSource db, IDocumentStore store, ServiceCatalog catalog, CancellationToken ct)
    {
        var filter = ReportFilter.Of(from, to, StaffMember.Of(request.HttpContext).Region(regionCode), groupBy);
        var report = await CompressionReports.Build(db, store, catalog, filter, ct);
        request.HttpContext.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        if (!CompressionCsv.Wanted(request)) return Results.Json(report, Json.Options);

        var name = $"compression-{filter.From?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "start"}-{filter.To?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "now"}" +
                   $"{(filter.GroupByName is { } g ? "-by-" + g : "")}.csv";
        return Results.File(CompressionCsv.Write(report), $"{CompressionCsv.ContentType}; charset=utf-8", name);
    }
}
