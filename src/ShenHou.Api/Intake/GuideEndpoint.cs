using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.Intake;
using Wolverine.Http;

namespace ShenHou.Api.Intake;

public static class GuideEndpoint
{
    /// <summary>办事指南: a plain-language guide to one item, for window staff and the 12345 hotline.</summary>
    [Authorize(Roles = Roles.AnyStaff)]
    [WolverineGet("/api/guide/items/{code}", OperationId = "GetItemGuide"), Tags("Intake")]
    [ProducesResponseType<ItemGuide>(StatusCodes.Status200OK)]
    public static ItemGuide Get(string code, ServiceCatalog catalog) =>
        catalog.HasItem(code)
            ? ItemGuide.For(catalog, code)
            : throw new NotFoundException($"未知的事项代码 {code}", $"unknown item code {code} (see GET /api/catalog)");
}
