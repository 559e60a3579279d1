using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using Wolverine.Http;

namespace ShenHou.Api.Audit;

public static class GetCheckpointEndpoint
{
    /// <summary>A stored daily checkpoint with its ordered leaves, to export to an outside party.</summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/checkpoints/{date}", OperationId = "GetAuditCheckpoint"), Tags("Audit")]
    [ProducesResponseType<AuditCheckpoint>(StatusCodes.Status200OK)]
    public static async Task<AuditCheckpoint> Get(string date, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<AuditCheckpoint>(date, ct)
        ?? throw new NotFoundException($"{date} 没有检查点", $"there is no checkpoint for {date}");
}
