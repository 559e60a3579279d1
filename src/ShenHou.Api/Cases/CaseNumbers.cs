using System.Globalization;
using Npgsql;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Calendar;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace ShenHou.Api.Cases;

/// <summary>
/// Case numbers people can read out on the phone: region, local date, and a per-region daily
/// sequence (<c>620100-20261204-00017</c>). A row per region and day is incremented atomically, so
/// concurrent submissions never share a number; a submission that fails afterwards leaves a gap.
/// </summary>
public sealed class CaseNumbers(NpgsqlDataSource dataSource, ServiceClock clock)
{
    public const string Schema = "shenhou";
    private const string TableName = "case_number_counters";


    public static Table Table()
    {
        var table = new Table($"{Schema}.{TableName}");
        table.AddColumn<string>("region_code").AsPrimaryKey();
        table.AddColumn<string>("day").AsPrimaryKey();
        table.AddColumn<long>("last_sequence").NotNull();
        return table;
    }

    public async Task<string> Next(string regionCode, CancellationToken ct)
    {
        var day = ChinaStandardTime.DayOf(clock.GetUtcNow()).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        await using var command = dataSource.CreateCommand(
            $"""
            insert into {Schema}.{TableName} (region_code, day, last_sequence) values ($1, $2, 1)
            on conflict (region_code, day) do update set last_sequence = {TableName}.last_sequence + 1
            returning last_sequence
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = regionCode });
        command.Parameters.Add(new NpgsqlParameter { Value = day });
        var sequence = (long)(await command.ExecuteScalarAsync(ct))!;
        return $"{regionCode}-{day}-{sequence:D5}";
    }
}
