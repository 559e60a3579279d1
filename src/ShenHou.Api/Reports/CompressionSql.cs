using Marten;
using Npgsql;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Compression;
using ShenHou.Projections.Cases;

namespace ShenHou.Api.Reports;

/// <summary>
/// The report's SQL over CaseSummary (mt_doc_casesummary) and the sums kept from it (DeliverySums),
/// aggregated in PostgreSQL: one round trip
/// for the total and the groups, one batch for a page of misses. Delivered cases only. The filters
/// and sums read the duplicated columns (Infrastructure/ReadModelSchema.cs), which one partial
/// index on <c>delivered_at</c> covers, so the totals never decode a document; only grouping by item
/// and the misses' figures read the jsonb (decoded once per row with <c>jsonb_to_record</c>).
/// </summary>
internal static class CompressionSql
{
    // All SQL text here is fixed, never user input.
    // The misses' figures, decoded once per row of the page.
    private const string Record = """
        cross join lateral jsonb_to_record(d.data) as r(compression jsonb)
        """;

    private const string Sums = """
        count(*), count(*) filter (where d.meets_target),
        coalesce(sum(d.materials_separately), 0), coalesce(sum(d.materials_handed_in), 0),
        coalesce(sum(d.time_separately_working_days), 0), coalesce(sum(d.actual_working_days), 0),
        coalesce(sum(d.extensions), 0), coalesce(sum(d.correction_rounds), 0)
        """;

    // The same figures out of the sums kept per region and day (DeliverySums).
    private const string KeptSums = """
        coalesce(sum(d.cases), 0)::bigint, coalesce(sum(d.meets_target), 0)::bigint,
        coalesce(sum(d.materials_separately), 0)::bigint, coalesce(sum(d.materials_handed_in), 0)::bigint,
        coalesce(sum(d.time_separately_working_days), 0)::bigint, coalesce(sum(d.actual_working_days), 0)::bigint,
        coalesce(sum(d.extensions), 0)::bigint, coalesce(sum(d.correction_rounds), 0)::bigint
        """;

    /// <summary>
    /// The total (key null) and one row per group, unordered. By region, month or nothing the figures
    /// come from the sums kept per region and day; by item (a case counts for each of its items) from
    /// the delivered rows.
    /// </summary>
    public static async Task<(ReportRow Total, List<ReportRow> Groups)> Report(
        NpgsqlDataSource db, IDocumentStore store, ReportFilter filter, CancellationToken ct)
    {
        var byItem = filter.GroupBy == ReportGrouping.Item;
        var (table, sums) = byItem ? (Table(store), Sums) : (DeliverySums.TableName, KeptSums);
        var (where, parameters) = byItem ? Where(filter) : WhereKept(filter);
        var (key, join) = filter.GroupBy switch
        {
            ReportGrouping.Region => ("d.region_code", ""),
            ReportGrouping.Month => ("to_char(d.day, 'YYYY-MM')", ""),
            // A case counts in the group of each of its items.
            ReportGrouping.Item => ("i.code", "cross join lateral jsonb_array_elements_text(d.data -> 'items') as i(code)"),
            _ => ((string?)null, ""),
        };
        var sql = $"select null::text, {sums} from {table} d where {where}";
        if (key is not null) sql += $"\nunion all\nselect {key}, {sums} from {table} d {join} where {where} group by 1";

        await using var command = db.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        ReportRow? total = null;
        var groups = new List<ReportRow>();
        while (await reader.ReadAsync(ct))
        {
            var row = new ReportRow(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1),
                reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6),
                reader.GetInt64(7), reader.GetInt64(8));
            if (row.Key is null) total = row; else groups.Add(row);
        }
        return (total!, groups);
    }

    /// <summary>Delivered cases below the target, worst first (lowest of the two reductions), and their count.</summary>
    public static async Task<(long Total, List<CompressionMiss> Page)> Misses(
        NpgsqlDataSource db, IDocumentStore store, ReportFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var table = Table(store);
        var (where, parameters) = Where(filter);
        const string misses = "not coalesce(d.meets_target, false)";
        var mr = Field("materials,reduction", "float8");
        var tr = Field("time,reduction", "float8");
        const string at = "d.delivered_at";

        await using var batch = db.CreateBatch();
        var count = new NpgsqlBatchCommand($"select count(*) from {table} d where {where} and {misses}");
        count.Parameters.AddRange(Clone(parameters));
        var rows = new NpgsqlBatchCommand($"""
            select d.id, d.case_number, d.region_code, {at},
                   {Field("materials,separately", "int")}, {Field("materials,handedIn", "int")}, {mr},
                   {Field("time,separatelyWorkingDays", "int")}, {Field("time,plannedWorkingDays", "int")},
                   {Field("time,actualWorkingDays", "int")}, {tr}
            from {table} d {Record} where {where} and {misses}
            order by least({mr}, {tr}), {mr} + {tr}, {at}, d.case_number
            limit @limit offset @offset
            """);
        rows.Parameters.AddRange(Clone(parameters));
        rows.Parameters.AddWithValue("limit", pageSize);
        rows.Parameters.AddWithValue("offset", (long)(page - 1) * pageSize);
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(rows);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var items = new List<CompressionMiss>();
        while (await reader.ReadAsync(ct))
        {
            var materials = new MaterialFigures(reader.GetInt32(4), reader.GetInt32(5), reader.GetDouble(6));
            var time = new TimeFigures(reader.GetInt32(7), reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9), reader.GetDouble(10));
            var reasons = new List<string>();
            if (materials.Reduction < CompressionFigures.Target) reasons.Add("materials");
            if (time.Reduction < CompressionFigures.Target) reasons.Add("time");
            items.Add(new CompressionMiss(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3).ToOffset(ChinaStandardTime.Offset), materials, time, false, reasons));
        }
        return (total, items);
    }

    /// <summary>Conditions on the duplicated columns, the status one exactly as the covering index's predicate.</summary>
    private static (string Where, NpgsqlParameter[] Parameters) Where(ReportFilter filter)
    {
        const string at = "d.delivered_at";
        var conditions = new List<string> { "d.status = 'Delivered'" };
        var parameters = new List<NpgsqlParameter>();
        if (filter.Start is { } start)
        {
            conditions.Add($"{at} >= @from");
            parameters.Add(new NpgsqlParameter("from", start.ToUniversalTime()));
        }
        if (filter.End is { } end)
        {
            conditions.Add($"{at} < @to");
            parameters.Add(new NpgsqlParameter("to", end.ToUniversalTime()));
        }
        if (filter.RegionCode is { } region)
        {
            conditions.Add("d.region_code = @region");
            parameters.Add(new NpgsqlParameter("region", region));
        }
        return (string.Join(" and ", conditions), parameters.ToArray());
    }

    /// <summary>The same filters on the kept sums: days of delivery (China time), both inclusive.</summary>
    private static (string Where, NpgsqlParameter[] Parameters) WhereKept(ReportFilter filter)
    {
        var conditions = new List<string> { "true" };
        var parameters = new List<NpgsqlParameter>();
        if (filter.From is { } from)
        {
            conditions.Add("d.day >= @from");
            parameters.Add(new NpgsqlParameter("from", from));
        }
        if (filter.To is { } to)
        {
            conditions.Add("d.day <= @to");
            parameters.Add(new NpgsqlParameter("to", to));
        }
        if (filter.RegionCode is { } region)
        {
            conditions.Add("d.region_code = @region");
            parameters.Add(new NpgsqlParameter("region", region));
        }
        return (string.Join(" and ", conditions), parameters.ToArray());
    }

    /// <summary>A figure of the case's <c>compression</c> object, e.g. <c>materials,reduction</c>.</summary>
    private static string Field(string path, string type) => "(r.compression #>> '{" + path + "}')::" + type;

    private static NpgsqlParameter[] Clone(NpgsqlParameter[] parameters) => parameters.Select(p => p.Clone()).ToArray();

    /// <summary>The table Marten keeps CaseSummary in.</summary>
    private static string Table(IDocumentStore store) => store.Options.Schema.For<CaseSummary>();
}
