using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using Wolverine.Http;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;
using Wolverine.Util;

namespace ShenHou.Api.Integration;

/// <summary>A push that gave up: the last retry failed, or the platform refused it.</summary>
/// <param name="Id">The dead letter's id (Wolverine's envelope id), for the replay.</param>
/// <param name="Replayable">True once a replay was asked for and until Wolverine has taken it back (seconds).</param>
public sealed record DeadLetter(
    Guid Id, Guid PushId, Guid CaseId, string CaseNumber, string RegionCode, string ItemCode, string Department,
    string ExceptionType, string ExceptionMessage, DateTimeOffset SentAt, DateTimeOffset? FailedAt, int ReplayCount, bool Replayable);

public sealed record DeadLetterList(int Total, int Page, int PageSize, IReadOnlyList<DeadLetter> Items);

public static class ListDeadLettersEndpoint
{
    public static ProblemDetails Validate(int? page, int? pageSize) => Paging.Check(page, pageSize) ?? WolverineContinue.NoProblems;

    /// <summary>Pushes to department platforms that gave up, oldest first; a supervisor sees their region's.</summary>
    [Authorize(Roles = Roles.Supervisor)]
    [WolverineGet("/api/integration/dead-letters", OperationId = "ListDeadLetters"), Tags("Integration")]
    [ProducesResponseType<DeadLetterList>(StatusCodes.Status200OK)]
    public static async Task<DeadLetterList> Get(string? department, int? page, int? pageSize, IWolverineRuntime runtime,
        HttpContext http, CancellationToken ct)
    {
        var region = StaffMember.Of(http).RegionFilter;
        var all = (await DeadLetters.All(runtime.Storage.DeadLetters, ct))
            .Where(d => region is null || d.RegionCode == region)
            .Where(d => string.IsNullOrWhiteSpace(department) || d.Department == department.Trim())
            .ToList();
        var (number, size) = Paging.Of(page, pageSize);
        return new DeadLetterList(all.Count, number, size, all.Skip((number - 1) * size).Take(size).ToArray());
    }
}

/// <summary>Reading the pushes out of Wolverine's dead-letter table.</summary>
internal static class DeadLetters
{
    /// <summary>Read back with the rules Wolverine wrote them with (System.Text.Json, its own naming).</summary>
    private static readonly JsonSerializerOptions Wolverine = new() { PropertyNameCaseInsensitive = true };
    private static readonly string PushType = typeof(DepartmentPush).ToMessageTypeName();

    public static async Task<IReadOnlyList<DeadLetter>> All(IDeadLetters store, CancellationToken ct)
    {
        var found = new List<DeadLetter>();
        for (var page = 1; ; page++)
        {
            var results = await store.QueryAsync(new DeadLetterEnvelopeQuery { MessageType = PushType, PageNumber = page, PageSize = 500 }, ct);
            found.AddRange(results.Envelopes.Select(From).OfType<DeadLetter>());
            if (results.Envelopes.Count < 500) return found;
        }
    }

    public static DeadLetter? From(DeadLetterEnvelope d)
    {
        var push = d.Message as DepartmentPush;
        if (push is null && d.Envelope.Data is { Length: > 0 } data)
            try { push = JsonSerializer.Deserialize<DepartmentPush>(data, Wolverine); }
            catch (JsonException) { return null; }
        return push is null ? null : new DeadLetter(d.Id, push.PushId, push.CaseId, push.CaseNumber, push.RegionCode, push.ItemCode,
            push.Department, d.ExceptionType, d.ExceptionMessage, d.SentAt, d.FailedAt, d.ReplayCount, d.Replayable);
    }
}
