using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using Wolverine.Http;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace ShenHou.Api.Integration;

public static class ReplayDeadLetterEndpoint
{
    /// <summary>
    /// Send a dead-lettered push again (once its platform is back): Wolverine's durability agent
    /// moves it to the queue within its polling time, and it goes out with the same push id, so the
    /// platform can drop it if it had taken it after all. 202; the list shows it until it is taken.
    /// </summary>
    [Authorize(Roles = Roles.Supervisor)]
    [WolverinePost("/api/integration/dead-letters/{deadLetterId}/replay", OperationId = "ReplayDeadLetter"), Tags("Integration")]
    [ProducesResponseType<DeadLetter>(StatusCodes.Status202Accepted)]
    public static async Task<IResult> Post(Guid deadLetterId, IWolverineRuntime runtime, HttpContext http, CancellationToken ct)
    {
        var store = runtime.Storage.DeadLetters;
        var found = await store.DeadLetterEnvelopeByIdAsync(deadLetterId) is { } envelope ? DeadLetters.From(envelope) : null;
        // Another region's push is as absent as a missing one.
        if (found is null || !StaffMember.Of(http).Covers(found.RegionCode))
            return Results.Problem(Problems.NotFound($"死信 {deadLetterId} 不存在", $"dead letter {deadLetterId} does not exist"));
        await store.ReplayAsync(new DeadLetterEnvelopeQuery { MessageIds = [deadLetterId] }, ct);
        return Results.Json(found with { Replayable = true }, statusCode: StatusCodes.Status202Accepted);
    }
}
