using Marten;
using Npgsql;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.Compression;

namespace ShenHou.Api.Reports;

/// <summary>Builds the compression report from the SQL sums: names, reductions, group order.</summary>
internal static class CompressionReports
{
    public static async Task<CompressionReport> Build(
        NpgsqlDataSource db, IDocumentStore store, ServiceCatalog catalog, ReportFilter filter, CancellationToken ct)
    {
        var (total, rows) = await CompressionSql.Report(db, store, filter, ct);
        var groups = Order(rows, filter.GroupBy, catalog)
            .Select(r => new CompressionGroup(r.Key!, NameOf(r.Key!, filter.GroupBy, catalog), r.Cases, r.Meeting,
                r.Materials, r.Time, r.Extensions, r.CorrectionRounds))
            .ToArray();
        return new CompressionReport(total.Cases, CompressionFigures.Target, total.Meeting, total.Materials, total.Time,
            groups, total.Extensions, total.CorrectionRounds, filter.From, filter.To, filter.RegionCode, filter.GroupByName);
    }

    /// <summary>Regions and items in catalog order (unknown codes last), months in time order.</summary>
    private static IEnumerable<ReportRow> Order(List<ReportRow> rows, ReportGrouping grouping, ServiceCatalog catalog)
    {
        var order = grouping switch
        {
            ReportGrouping.Region => catalog.Data.Regions.Select(r => r.Code).ToList(),
            ReportGrouping.Item => catalog.Items.Select(i => i.Code).ToList(),
            _ => [],
        };
        return rows
            .OrderBy(r => order.IndexOf(r.Key!) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(r => r.Key, StringComparer.Ordinal);
    }

    /// <summary>A display name; a code the current catalog no longer knows shows as itself.</summary>
    public static string NameOf(string key, ReportGrouping grouping, ServiceCatalog catalog) => grouping switch
    {
        ReportGrouping.Region => catalog.Data.Regions.FirstOrDefault(r => r.Code == key)?.Name ?? key,
        ReportGrouping.Item => catalog.HasItem(key) ? catalog.Item(key).Name : key,
        _ => key,
    };
}
