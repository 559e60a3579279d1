using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Catalog;

namespace ShenHou.Api.Reports;

/// <summary>How a compression report splits its cases.</summary>
public enum ReportGrouping { None, Region, Month, Item }

/// <summary>
/// The filters every compression report shares. Only delivered cases count (their actual time is
/// known only then); <c>from</c> and <c>to</c> are days of the DELIVERY in China time (+08:00), both
/// inclusive.
/// </summary>
public sealed record ReportFilter(DateOnly? From, DateOnly? To, string? RegionCode, ReportGrouping GroupBy)
{
    public static readonly string[] Groupings = ["region", "month", "item"];

    /// <summary>The first instant counted, 00:00 +08:00 of <see cref="From"/>.</summary>
    public DateTimeOffset? Start => From is { } day ? ChinaStandardTime.StartOf(day) : null;

    /// <summary>The first instant no longer counted, 00:00 +08:00 of the day after <see cref="To"/>.</summary>
    public DateTimeOffset? End => To is { } day ? ChinaStandardTime.StartOf(day.AddDays(1)) : null;

    /// <summary>Bilingual 400 problems keyed by the query parameter, or null when all is well.</summary>
    public static ProblemDetails? Check(string? from, string? to, string? regionCode, string? groupBy, ServiceCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        (regionCode, groupBy) = (Blank(regionCode), Blank(groupBy));
        var start = ChinaStandardTime.ParseDay(from);
        var end = ChinaStandardTime.ParseDay(to);
        if (from is not null && start is null) errors["from"] = ["须为日期 yyyy-MM-dd / a date yyyy-MM-dd"];
        if (to is not null && end is null) errors["to"] = ["须为日期 yyyy-MM-dd / a date yyyy-MM-dd"];
        if (start is not null && end is not null && start > end)
            errors["from"] = ["起始日期不能晚于截止日期 / from must not be after to"];
        if (regionCode is not null && !catalog.HasRegion(regionCode))
            errors["regionCode"] = ["未知的行政区划代码 / unknown region code; see GET /api/catalog"];
        if (groupBy is not null && !Groupings.Contains(groupBy))
            errors["groupBy"] = [$"分组方式须为 / groupBy is one of {string.Join(", ", Groupings)}"];
        return errors.Count == 0 ? null : Problems.Validation(errors);
    }

    /// <summary>The parsed filter; call after <see cref="Check"/> found nothing wrong.</summary>
    public static ReportFilter Of(string? from, string? to, string? regionCode, string? groupBy,
        ReportGrouping fallback = ReportGrouping.None) =>
        new(ChinaStandardTime.ParseDay(from), ChinaStandardTime.ParseDay(to), Blank(regionCode), Blank(groupBy) switch
        {
            "region" => ReportGrouping.Region,
            "month" => ReportGrouping.Month,
            "item" => ReportGrouping.Item,
            _ => fallback,
        });

    public string? GroupByName => GroupBy == ReportGrouping.None ? null : GroupBy.ToString().ToLowerInvariant();

    /// <summary>An empty parameter (<c>?regionCode=</c>) is no filter, as in the window view.</summary>
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
