using System.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using ShenHou.Api.Access;
using ShenHou.Api.Cases;
using ShenHou.Api.Infrastructure;
using Wolverine.Http;

namespace ShenHou.Api.Audit;

/// <summary>Whether a case's stored history is still what was written.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Verified">True when every event matches its hash and the chain is unbroken.</param>
/// <param name="Events">How many events are stored for the case.</param>
/// <param name="FirstBrokenVersion">The first version where the chain breaks; null when verified.</param>
/// <param name="Reason" example="事件内容与其哈希不符（被修改或调换） / the event does not match its hash (edited or swapped)">Why it breaks there.</param>
public sealed record HistoryVerification(Guid CaseId, bool Verified, int Events, long? FirstBrokenVersion, string? Reason);

public static class VerifyCaseHistoryEndpoint
{
    private const string Schema = CaseNumbers.Schema;

    /// <summary>Recomputes the case's hash chain from the events as stored and names the first broken event.</summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/cases/{id}/history/verification", OperationId = "VerifyCaseHistory"), Tags("Audit")]
    [ProducesResponseType<HistoryVerification>(StatusCodes.Status200OK)]
    public static async Task<HistoryVerification> Get(Guid id, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // One snapshot for the three reads: a writer committing in between must not look like tampering.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

        var events = new List<StoredEvent>();
        await using (var command = Command(connection, transaction,
            $"select version, seq_id, type, data::text, json_build_object('causationId', causation_id, " +
            $"'correlationId', correlation_id, 'headers', headers)::text from {Schema}.mt_events where stream_id = $1 order by version", id))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                events.Add(new StoredEvent(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));

        var hashes = new List<StoredHash>();
        await using (var command = Command(connection, transaction,
            $"select version, event_type, hash, previous_hash from {EventHashes.TableName} where stream_id = $1 order by version", id))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                hashes.Add(new StoredHash(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));

        long? streamVersion;
        await using (var command = Command(connection, transaction, $"select version from {Schema}.mt_streams where id = $1", id))
            streamVersion = await command.ExecuteScalarAsync(ct) is long v ? v : null;
        await transaction.CommitAsync(ct);

        if (events.Count == 0 && hashes.Count == 0 && streamVersion is null)
            throw NotFoundException.Case(id);
        var broken = HistoryChain.FirstBreak(id, events, hashes, streamVersion);
        return new HistoryVerification(id, broken is null, events.Count, broken?.Version, broken?.Reason);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid id) =>
        new(sql, connection, transaction) { Parameters = { new NpgsqlParameter { Value = id } } };
}
