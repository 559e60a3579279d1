using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Domain.Catalog;
using Wolverine.Http;

namespace ShenHou.Api.Catalog;

public static class GetCatalogEndpoint
{
    /// <summary>The versioned catalog: items, materials, departments, regions. <c>assumption</c> marks values the plan does not give.</summary>
    [Authorize(Roles = Roles.AnyStaff)]
    [WolverineGet("/api/catalog", OperationId = "GetCatalog"), Tags("Catalog")]
    [ProducesResponseType<CatalogData>(StatusCodes.Status200OK)]
    public static CatalogData Get(ServiceCatalog catalog) => catalog.Data;
}
