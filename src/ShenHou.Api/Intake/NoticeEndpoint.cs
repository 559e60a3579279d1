using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Cases;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.Intake;
using Wolverine.Http;

namespace ShenHou.Api.Intake;

/// <param name="Items">The affairs that apply (按需组合).</param>
/// <param name="Channel">How the family will file; <c>Window</c> when omitted.</param>
public sealed record NoticeRequest(List<string?>? Items, Channel? Channel);

public static class NoticeEndpoint
{
    public static ProblemDetails Validate(NoticeRequest? request, ServiceCatalog catalog)
    {
        if (request is null) return Problems.BodyRequired;
        var errors = new Dictionary<string, string[]>();
        ItemChoice.Check(catalog, request.Items, (field, message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message]);
        return errors.Count == 0 ? WolverineContinue.NoProblems : Problems.Validation(errors);
    }

    /// <summary>一次告知: the deduplicated materials, the items' order of work and the planned compression for a combination.</summary>
    [Authorize(Roles = Roles.WindowOrHotline)]
    [WolverinePost("/api/notices", OperationId = "CreateNotice"), Tags("Intake")]
    [ProducesResponseType<Notice>(StatusCodes.Status200OK)]
    public static Notice Post(NoticeRequest request, ServiceCatalog catalog) =>
        Notice.For(catalog, request.Items!.Select(i => i!).ToArray(), request.Channel ?? Channel.Window);
}
