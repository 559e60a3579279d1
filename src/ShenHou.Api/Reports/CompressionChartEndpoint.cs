using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using ShenHou.Api.Access;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Catalog;
using Wolverine.Http;

namespace ShenHou.Api.Reports;

/// <summary>压减率图表: the report as a chart a supervisor opens in a browser.</summary>
public static class CompressionChartEndpoint
{
    public const string ContentType = "image/svg+xml";

    /// <summary>Months shown one by one at most; a longer range shows only the months with deliveries.</summary>
    private const int MaxMonthSlots = 60;

    public static ProblemDetails Validate(string? from, string? to, string? regionCode, string? groupBy, ServiceCatalog catalog) =>
        ReportFilter.Check(from, to, regionCode, groupBy, catalog) ?? WolverineContinue.NoProblems;

    /// <summary>
    /// A self-contained SVG bar chart of the material and time reduction per month of delivery
    /// (or per <c>region</c> / <c>item</c> with <c>groupBy</c>), with the 60% target line, axes, a
    /// legend and titles in Chinese and English. Same filters and figures as the report; months
    /// without deliveries inside the range stay empty.
    /// </summary>
    /// <param name="from">First delivery day counted, yyyy-MM-dd, China time (+08:00), inclusive.</param>
    /// <param name="to">Last delivery day counted, yyyy-MM-dd, China time (+08:00), inclusive.</param>
    /// <param name="regionCode">Only cases of this region (a catalog region code, e.g. 620100).</param>
    /// <param name="groupBy"><c>month</c> (the default), <c>region</c> or <c>item</c>.</param>
    [Authorize(Roles = Roles.Supervisor)]
    [WolverineGet("/api/reports/compression/chart.svg", OperationId = "GetCompressionChart"), Tags("Reports")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, ContentType)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Get(string? from, string? to, string? regionCode, string? groupBy,
        NpgsqlDataSource db, IDocumentStore store, ServiceCatalog catalog, HttpContext http, CancellationToken ct)
    {
        var filter = ReportFilter.Of(from, to, StaffMember.Of(http).Region(regionCode), groupBy, fallback: ReportGrouping.Month);
        var report = await CompressionReports.Build(db, store, catalog, filter, ct);
        var (zh, en) = filter.GroupBy switch
        {
            ReportGrouping.Region => ("地区", "region"),
            ReportGrouping.Item => ("事项", "item"),
            _ => ("月份", "month of delivery"),
        };
        var slots = filter.GroupBy == ReportGrouping.Month
            ? Months(report, filter)
            : report.Groups.Select(g => new CompressionChartSvg.Slot(Short(g.Name), $"{g.Name} ({g.Key})", g)).ToList();
        return Results.Text(CompressionChartSvg.Render(report, slots, zh, en), $"{ContentType}; charset=utf-8");
    }

    /// <summary>Every month from the first to the last (of the range, else of the deliveries), empty ones included.</summary>
    private static List<CompressionChartSvg.Slot> Months(CompressionReport report, ReportFilter filter)
    {
        var byKey = report.Groups.ToDictionary(g => g.Key);
        var first = filter.From is { } f ? new DateOnly(f.Year, f.Month, 1) : Month(report.Groups.FirstOrDefault()?.Key);
        var last = filter.To is { } t ? new DateOnly(t.Year, t.Month, 1) : Month(report.Groups.LastOrDefault()?.Key);
        if (first is null || last is null || first > last
            || (last.Value.Year - first.Value.Year) * 12 + last.Value.Month - first.Value.Month >= MaxMonthSlots)
            return report.Groups.Select(g => new CompressionChartSvg.Slot(g.Key, g.Key, g)).ToList();

        var slots = new List<CompressionChartSvg.Slot>();
        for (var m = first.Value; m <= last.Value; m = m.AddMonths(1))
        {
            var key = m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            slots.Add(new CompressionChartSvg.Slot(key, key, byKey.GetValueOrDefault(key)));
        }
        return slots;
    }

    private static DateOnly? Month(string? key) => ChinaStandardTime.ParseDay(key + "-01");

    private static string Short(string name) => name.Length <= 10 ? name : name[..9] + "…";
}
