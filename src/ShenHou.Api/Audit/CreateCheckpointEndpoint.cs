using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Audit;

public static class CreateCheckpointEndpoint
{
    public static ProblemDetails Validate(string date) =>
        ChinaStandardTime.ParseDay(date) is not null
            ? WolverineContinue.NoProblems
            : Problems.Validation("date", "日期格式应为 yyyy-MM-dd / the date must be yyyy-MM-dd");

    /// <summary>
    /// Computes and stores the Merkle root over a finished day's event hashes (China time). Idempotent:
    /// for a day already checkpointed it answers the stored checkpoint, or 409 when the day's hashes
    /// no longer give the stored root.
    /// </summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverinePost("/api/audit/checkpoints/{date}", OperationId = "CreateAuditCheckpoint"), Tags("Audit")]
    [ProducesResponseType<AuditCheckpoint>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<AuditCheckpoint> Post(string date, IDocumentSession session, NpgsqlDataSource dataSource,
        ServiceClock clock, CancellationToken ct)
    {
        var day = ChinaStandardTime.ParseDay(date)!.Value; // Validate checked it
        var now = clock.GetUtcNow();
        if (day >= ChinaStandardTime.DayOf(now))
            throw new CaseRuleViolation("day-not-over",
                $"{date} 尚未结束，只能为已结束的日期生成检查点", $"{date} is not over yet; only a finished day can be checkpointed");

        var leaves = await CheckpointDays.Leaves(dataSource, day, ct);
        var root = MerkleTree.Root(leaves.Select(l => l.Hash));
        var stored = await session.LoadAsync<AuditCheckpoint>(date, ct);
        if (stored is not null)
        {
            if (stored.Root == root) return stored;
            throw new CaseRuleViolation("checkpoint-mismatch",
                $"{date} 的事件哈希已与存档的检查点不符（存档根 {stored.Root}，现算根 {root}）",
                $"the event hashes of {date} no longer match the stored checkpoint (stored root {stored.Root}, recomputed {root})");
        }

        var checkpoint = new AuditCheckpoint { Id = date, Root = root, Events = leaves.Count, CreatedAt = now, Leaves = leaves };
        session.Store(checkpoint);
        return checkpoint;
    }
}
