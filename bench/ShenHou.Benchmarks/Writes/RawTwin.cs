using Npgsql;
using NpgsqlTypes;
using ShenHou.Benchmarks.Cases;

namespace ShenHou.Benchmarks.Writes;

/// <summary>
/// The raw twin: per command, the very statements Marten 9.62 sends for an append in this service
/// (captured with <c>log_statement = all</c>), in one transaction and one batch, through plain
/// Npgsql: the events and the stream's version (<c>mt_quick_append_events</c>), the CaseDetails and
/// DepartmentWorkItem upserts, the hash-chain rows. The reads a command also does (the stream's row
/// lock, its events, the snapshot and work rows, the previous hash) are left out: this is the write
/// limit of this database on this machine.
/// </summary>
public sealed class RawTwin(NpgsqlDataSource db)
{
    /// <summary>The append function's parameters as this database declares them (they change with Marten's metadata options).</summary>
    private const string AppendParameters = """
        select unnest(proargnames) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'shenhou' and p.proname = 'mt_quick_append_events'
        """;

    private const string UpsertDetails = """
        insert into shenhou.mt_doc_casedetails (id, data, "mt_version", "mt_dotnet_type", "mt_last_modified") values ($1, $2, CASE WHEN $3 = 0 THEN COALESCE((select version from shenhou.mt_streams where shenhou.mt_streams.id = $4), 1) ELSE $5 END, $6, transaction_timestamp()) on conflict (id) do update set data = excluded.data, mt_version = CASE WHEN $7 = 0 THEN COALESCE((select version from shenhou.mt_streams where shenhou.mt_streams.id = shenhou.mt_doc_casedetails.id), shenhou.mt_doc_casedetails.mt_version + 1) ELSE $8 END, "mt_dotnet_type" = excluded."mt_dotnet_type", "mt_last_modified" = excluded."mt_last_modified" where $9 = 0 or COALESCE((select version from shenhou.mt_streams where shenhou.mt_streams.id = shenhou.mt_doc_casedetails.id), 0) <= $10 returning mt_version
        """;

    private const string UpsertWorkItem = """
        insert into shenhou.mt_doc_departmentworkitem (id, data, "mt_version", "mt_dotnet_type", "mt_last_modified") values ($1, $2, CASE WHEN $3 = 0 THEN 1 ELSE $4 END, $5, transaction_timestamp()) on conflict (id) do update set data = excluded.data, mt_version = CASE WHEN $6 = 0 THEN shenhou.mt_doc_departmentworkitem.mt_version + 1 ELSE $7 END, "mt_dotnet_type" = excluded."mt_dotnet_type", "mt_last_modified" = excluded."mt_last_modified" where $8 = 0 or shenhou.mt_doc_departmentworkitem.mt_version < $9 returning mt_version
        """;

    private const string InsertHash =
        "insert into shenhou.event_hashes (stream_id, version, event_type, hash, previous_hash, hashed_at) values ($1, $2, $3, $4, $5, $6)";

    private string[] _appendParameters = [];

    public static async Task<WriteResult> Run(NpgsqlDataSource db, IReadOnlyList<CaseScript> cases,
        IReadOnlyDictionary<Guid, IReadOnlyList<RawCommand>> payloads, int concurrency)
    {
        var twin = new RawTwin(db);
        await using (var command = db.CreateCommand(AppendParameters))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            var names = new List<string>();
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
            twin._appendParameters = [.. names];
        }
        return await WorkloadRunner.Run("raw twin (Npgsql)", cases, concurrency, (script, index) => twin.Write(payloads[script.Id][index]));
    }

    public async Task Write(RawCommand command)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(AppendCommand(command));
        batch.BatchCommands.Add(Command(UpsertDetails, command.StreamId, Jsonb(command.DetailsJson), 0, command.StreamId, 0,
            "ShenHou.Projections.Cases.CaseDetails", 0, 0, 0, 0));
        foreach (var (id, json) in command.WorkItems)
            batch.BatchCommands.Add(Command(UpsertWorkItem, id, Jsonb(json), 0, 0, "ShenHou.Projections.Work.DepartmentWorkItem", 0, 0, 0, 0));
        foreach (var (version, type, hash, previous, at) in command.Hashes)
            batch.BatchCommands.Add(Command(InsertHash, command.StreamId, version, type, hash, previous, at.ToUniversalTime()));
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>
    /// <c>mt_quick_append_events</c> called by parameter name with what Marten passes: the event ids,
    /// types, bodies, a correlation id (the request's trace id), the client's timestamps and the
    /// expected version. A parameter this code does not know (a metadata option turned on later) is
    /// passed as null, so the twin keeps working when the service records more metadata.
    /// </summary>
    private NpgsqlBatchCommand AppendCommand(RawCommand c)
    {
        var e = c.Events;
        var correlation = Guid.NewGuid().ToString("N");
        var command = new NpgsqlBatchCommand();
        foreach (var name in _appendParameters)
            command.Parameters.Add(name switch
            {
                "stream" => new NpgsqlParameter { Value = c.StreamId },
                "stream_type" => new NpgsqlParameter { Value = "case" },
                "tenantid" => new NpgsqlParameter { Value = "*DEFAULT*" },
                "event_ids" => Typed(e.Select(x => x.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid),
                "event_types" => Typed(e.Select(x => x.TypeName).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Varchar),
                "dotnet_types" => Typed(e.Select(x => x.DotNetType).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Varchar),
                "bodies" => Typed(e.Select(x => x.Json).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Jsonb),
                "bdatas" => Typed(e.Select(_ => (byte[]?)null).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bytea),
                "correlation_ids" => Typed(e.Select(_ => correlation).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Varchar),
                "timestamps" => Typed(e.Select(_ => DateTimeOffset.UtcNow).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz),
                "expected_version" => new NpgsqlParameter { Value = c.VersionBefore },
                _ => new NpgsqlParameter { Value = DBNull.Value },
            });
        var arguments = _appendParameters.Select((name, i) => $"{name} => ${i + 1}");
        command.CommandText = $"select shenhou.mt_quick_append_events({string.Join(", ", arguments)})";
        return command;
    }

    private static NpgsqlParameter Jsonb(string json) => Typed(json, NpgsqlDbType.Jsonb);

    private static NpgsqlParameter Typed(object value, NpgsqlDbType type) => new() { Value = value, NpgsqlDbType = type };

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        return command;
    }
}
