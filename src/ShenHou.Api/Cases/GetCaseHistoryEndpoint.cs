using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Cases;

/// <summary>Every event of a case, in order, with who did it: the trail auditors follow.</summary>
public sealed record CaseHistory(Guid CaseId, IReadOnlyList<HistoryEntry> Events);

/// <param name="Version">The event's position in the case's stream, from 1.</param>
/// <param name="Sequence">The event's position in the whole event store.</param>
/// <param name="Type" example="ItemIssued">The event's name.</param>
/// <param name="Timestamp">When it happened, by the service's clock.</param>
/// <param name="RecordedAt">When the database stored it.</param>
/// <param name="Data">The event's own fields.</param>
/// <param name="CorrelationId">The request (or the chain of messages) that wrote the event.</param>
/// <param name="CausationId">The message that caused it, when a message did (deadline checks).</param>
public sealed record HistoryEntry(
    long Version, long Sequence, string Type, DateTimeOffset Timestamp, DateTimeOffset RecordedAt,
    string Actor, string? Reason, JsonElement Data, string? CorrelationId, string? CausationId);

public static class GetCaseHistoryEndpoint
{
    [WolverineGet("/api/cases/{id}/history", OperationId = "GetCaseHistory"), Tags("Cases")]
    [ProducesResponseType<CaseHistory>(StatusCodes.Status200OK)]
    public static async Task<CaseHistory> Get(Guid id, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0) throw NotFoundException.Case(id);
        return new CaseHistory(id, events.Select(e =>
        {
            var data = (ICaseEvent)e.Data;
            return new HistoryEntry(e.Version, e.Sequence, e.EventType.Name, data.At, e.Timestamp, data.Actor,
                ReasonOf(data), JsonSerializer.SerializeToElement(e.Data, e.EventType, Json.Options),
                e.CorrelationId, e.CausationId);
        }).ToArray());
    }

    private static string? ReasonOf(ICaseEvent e) => e switch
    {
        MaterialVerified v => v.Reason,
        ItemApproved a => a.Reason,
        ItemRejected r => r.Reason,
        CaseWithdrawn w => w.Reason,
        MaterialRoutedToManualVerification m => m.Reason,
        CorrectionRequested c => string.Join("; ", c.Materials.Select(m => $"{m.MaterialCode}: {m.Reason}")),
        ItemDeadlineExtended x => x.Reason,
        MaterialSuppliedOtherwise o => o.Reason,
        _ => null,
    };
}
