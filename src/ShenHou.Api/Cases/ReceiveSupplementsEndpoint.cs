using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Cases;

/// <param name="Materials">Every material the open correction round asked for.</param>
/// <param name="Note" example="已补交清晰复印件">What the applicant brought.</param>
/// <param name="Version">The case version the caller last saw; stale is 409.</param>
public sealed record ReceiveSupplements(List<string?>? Materials, string? Note, long? Version);

public static class ReceiveSupplementsEndpoint
{
    public static ProblemDetails Validate(ReceiveSupplements? request)
    {
        if (request is null) return Problems.BodyRequired;
        if (request.Materials is not { Count: > 0 } materials)
            return Problems.Validation("materials", "至少提交一项材料 / bring at least one material");
        for (var i = 0; i < materials.Count; i++)
            if (string.IsNullOrWhiteSpace(materials[i]))
                return Problems.Validation($"materials[{i}]", "必填 / required");
        if (materials.Distinct().Count() != materials.Count)
            return Problems.Validation("materials", "材料重复 / a material is listed twice");
        return request.Note is { Length: > 500 }
            ? Problems.Validation("note", "不能超过500个字符 / at most 500 characters")
            : WolverineContinue.NoProblems;
    }

    /// <summary>补正: the applicant brings what the round asked for; the case goes back to verification.</summary>
    [Authorize(Roles = Roles.Window)]
    [WolverinePost("/api/cases/{id}/supplements", OperationId = "ReceiveSupplements"), Tags("Cases")]
    [ProducesResponseType<CaseVersion>(StatusCodes.Status200OK)]
    public static async Task<CaseVersion> Post(Guid id, ReceiveSupplements request, IDocumentSession session,
        ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var stream = await CaseStream.Load(session, id, request.Version, ct);
        var materials = request.Materials!.Select(m => m!.Trim()).ToArray();
        foreach (var code in materials) stream.RequireMaterial(code);
        return stream.Append(CaseDecisions.ReceiveSupplements(stream.Aggregate!, materials, request.Note?.Trim(),
            Stamps.For(http, clock)));
    }
}
