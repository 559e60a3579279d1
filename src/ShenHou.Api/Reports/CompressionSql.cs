using Marten;
using Npgsql;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Compression;
using ShenHou.Projections.Cases;

namespace ShenHou.Api.Reports;

/// <summary>
/// The report's SQL over CaseSummary's jsonb (mt_doc_casesummary), aggregated in PostgreSQL: one
/// round trip for the total and the groups, one batch for a page of misses. Delivered cases only.
/// The filters use the expressions of Marten's indexes on status, region and <c>DeliveredAt</c>; each
/// row's document is decoded once (<c>jsonb_to_record</c>), not once per field: the documents are
/// large enough to be stored compressed, and per-field access made the report three times slower.
/// </summary>
internal static class CompressionSql
{
    // The flat copies CaseSummary keeps for this report. All SQL text here is fixed, never user input.
    private const string Record = """
        cross join lateral jsonb_to_record(d.data) as r(
            "regionCode" text, "deliveredAt" text, "caseNumber" text, items jsonb, compression jsonb,
            "meetsTarget" boolean, "materialsSeparately" int, "materialsHandedIn" int,
            "timeSeparatelyWorkingDays" int, "actualWorkingDays" int, extensions int, "correctionRounds" int)
        """;

    private const string Sums = """
        count(*), count(*) filter (where r."meetsTarget"),
        coalesce(sum(r."materialsSeparately"), 0), coalesce(sum(r."materialsHandedIn"), 0),
        coalesce(sum(r."timeSeparatelyWorkingDays"), 0), coalesce(sum(r."actualWorkingDays"), 0),
        coalesce(sum(r.extensions), 0), coalesce(sum(r."correctionRounds"), 0)
        """;

    /// <summary>The total (key null) and one row per group, unordered.</summary>
    public static async Task<(ReportRow Total, List<ReportRow> Groups)> Report(
        NpgsqlDataSource db, IDocumentStore store, ReportFilter filter, CancellationToken ct)
    {
        var (table, schema) = Names(store);
        var (where, parameters) = Where(filter, schema);
        var (key, join) = filter.GroupBy switch
        {
            ReportGrouping.Region => ("r.\"regionCode\"", ""),
            // The delivery's calendar month in China time (an interval offset is east-positive).
            ReportGrouping.Month => ($"to_char({schema}.mt_immutable_timestamptz(r.\"deliveredAt\") at time zone interval '+08:00', 'YYYY-MM')", ""),
            // A case counts in the group of each of its items.
            ReportGrouping.Item => ("i.code", "cross join lateral jsonb_array_elements_text(r.items) as i(code)"),
            _ => ((string?)null, ""),
        };
        // One pass over the rows when there are no groups; with groups, the decoded rows are shared.
        var sql = key is null
            ? $"select null::text, {Sums} from {table} d {Record} where {where}"
            : $"with r as materialized (select r.* from {table} d {Record} where {where})\n" +
              $"select null::text, {Sums} from r\nunion all\nselect {key}, {Sums} from r {join} group by 1";

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
        var (table, schema) = Names(store);
        var (where, parameters) = Where(filter, schema);
        const string misses = "not coalesce(r.\"meetsTarget\", false)";
        var mr = Field("materials,reduction", "float8");
        var tr = Field("time,reduction", "float8");
        var at = $"{schema}.mt_immutable_timestamptz(r.\"deliveredAt\")";

        await using var batch = db.CreateBatch();
        var count = new NpgsqlBatchCommand($"select count(*) from {table} d {Record} where {where} and {misses}");
        count.Parameters.AddRange(Clone(parameters));
        var rows = new NpgsqlBatchCommand($"""
            select d.id, r."caseNumber", r."regionCode", {at},
                   {Field("materials,separately", "int")}, {Field("materials,handedIn", "int")}, {mr},
                   {Field("time,separatelyWorkingDays", "int")}, {Field("time,plannedWorkingDays", "int")},
                   {Field("time,actualWorkingDays", "int")}, {tr}
            from {table} d {Record} where {where} and {misses}
            order by least({mr}, {tr}), {mr} + {tr}, {at}, r."caseNumber"
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

    /// <summary>Conditions in the very expressions of Marten's indexes, so that PostgreSQL uses them.</summary>
    private static (string Where, NpgsqlParameter[] Parameters) Where(ReportFilter filter, string schema)
    {
        var at = $"{schema}.mt_immutable_timestamptz(d.data ->> 'deliveredAt')";
        var conditions = new List<string> { "d.data ->> 'status' = 'Delivered'" };
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
            conditions.Add("d.data ->> 'regionCode' = @region");
            parameters.Add(new NpgsqlParameter("region", region));
        }
        return (string.Join(" and ", conditions), parameters.ToArray());
    }

    /// <summary>A figure of the case's <c>compression</c> object, e.g. <c>materials,reduction</c>.</summary>
    private static string Field(string path, string type) => "(r.compression #>> '{" + path + "}')::" + type;

    private static NpgsqlParameter[] Clone(NpgsqlParameter[] parameters) => parameters.Select(p => p.Clone()).ToArray();

    /// <summary>The table Marten keeps CaseSummary in, and its schema (where Marten's functions live).</summary>
    private static (string Table, string Schema) Names(IDocumentStore store)
    {
        var table = store.Options.Schema.For<CaseSummary>();
        return (table, table[..table.IndexOf('.')]);
    }
}
