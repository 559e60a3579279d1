using Marten;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Infrastructure;
using ShenHou.Projections.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Cases;

public static class GetCaseEndpoint
{
    /// <summary>One case with its items, materials and compression figures (always current).</summary>
    [WolverineGet("/api/cases/{id}", OperationId = "GetCase"), Tags("Cases")]
    [ProducesResponseType<CaseDetails>(StatusCodes.Status200OK)]
    public static async Task<CaseDetails> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CaseDetails>(id, ct)
        ?? throw NotFoundException.Case(id);
}
