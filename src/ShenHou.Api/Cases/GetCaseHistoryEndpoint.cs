using System.Text.Json;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Audit;
using ShenHou.Api.Infrastructure;
using ShenHou.Api.Privacy;
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
/// <param name="Actor">The user id of whoever caused it (<c>system</c> for scheduled checks).</param>
/// <param name="Role" example="DepartmentReviewer">Their role when they acted.</param>
/// <param name="Department" example="HRSS">Their department, for a reviewer.</param>
/// <param name="RegionCode" example="620100">Their region (620000: the province).</param>
/// <param name="LegalBasis">The regulation a decision or issue rests on (from the catalog).</param>
public sealed record HistoryEntry(
    long Version, long Sequence, string Type, DateTimeOffset Timestamp, DateTimeOffset RecordedAt,
    string Actor, string? Reason, JsonElement Data, string? CorrelationId, string? CausationId,
    string? Role, string? Department, string? RegionCode, string? LegalBasis);

public static class GetCaseHistoryEndpoint
{
    /// <summary>
    /// Every event of the case with who (user, role, department, region), why, on what legal basis and
    /// in which request. The events hold the family's personal data in full: each read is logged.
    /// </summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/cases/{id}/history", OperationId = "GetCaseHistory"), Tags("Cases")]
    [ProducesResponseType<CaseHistory>(StatusCodes.Status200OK)]
    public static async Task<CaseHistory> Get(Guid id, IQuerySession session, AccessLog log, HttpContext http, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0) throw NotFoundException.Case(id);
        if (events[0].Data is CaseSubmitted submitted)
            await log.Record(http, StaffMember.Of(http), PersonalDataIn(submitted), id, submitted.CaseNumber, submitted.RegionCode, ct);
        return new CaseHistory(id, events.Select(e =>
        {
            var data = (ICaseEvent)e.Data;
            return new HistoryEntry(e.Version, e.Sequence, e.EventType.Name, data.At, e.Timestamp, data.Actor,
                EventRecord.ReasonOf(data), JsonSerializer.SerializeToElement(e.Data, e.EventType, Json.Options),
                e.CorrelationId, e.CausationId, Header(e, EventMetadataListener.Role), Header(e, EventMetadataListener.Department),
                Header(e, EventMetadataListener.RegionCode), Header(e, EventMetadataListener.LegalBasis));
        }).ToArray());
    }

    private static string? Header(IEvent e, string key) => e.GetHeader(key)?.ToString();

    private static List<string> PersonalDataIn(CaseSubmitted e) =>
        CaseViews.Present(e.PayoutAccount is not null, e.HeirAccount is not null);
}
