using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Api.Privacy;
using ShenHou.Domain.Catalog;
using ShenHou.Projections.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Cases;

public static class GetCaseEndpoint
{
    /// <summary>
    /// One case with its items, materials and compression figures (always current), as the caller's
    /// role may see it: whole for the window, a department's part for its reviewer, personal data
    /// masked for supervisors and auditors. Full personal data shown is recorded in the access log.
    /// </summary>
    [Authorize(Roles = Roles.CaseReaders)]
    [WolverineGet("/api/cases/{id}", OperationId = "GetCase"), Tags("Cases")]
    [ProducesResponseType<CaseDetails>(StatusCodes.Status200OK)]
    public static async Task<CaseDetails> Get(Guid id, IQuerySession session, ServiceCatalog catalog, AccessLog log,
        HttpContext http, CancellationToken ct)
    {
        var details = await session.LoadAsync<CaseDetails>(id, ct) ?? throw NotFoundException.Case(id);
        var reader = StaffMember.Of(http);
        var shown = CaseViews.For(reader, details, catalog);
        await log.Record(http, reader, shown.Fields, details.Id, details.CaseNumber, details.RegionCode, ct);
        return shown.Details;
    }
}
