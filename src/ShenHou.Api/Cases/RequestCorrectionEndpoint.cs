using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Cases;

/// <param name="Materials">Every deficient material of this round, each with what is wrong.</param>
/// <param name="Version">The case version the caller last saw; stale is 409.</param>
public sealed record RequestCorrection(List<DeficiencyForm?>? Materials, long? Version);

/// <param name="Code" example="DECEASED_ID">A material the applicant handed in.</param>
/// <param name="Reason" example="身份证复印件不清晰，请提交清晰复印件">What to correct.</param>
public sealed record DeficiencyForm(string? Code, string? Reason);

public static class RequestCorrectionEndpoint
{
    public static ProblemDetails Validate(RequestCorrection? request)
    {
        if (request is null) return Problems.BodyRequired;
        var errors = new Dictionary<string, string[]>();
        if (request.Materials is not { Count: > 0 } materials)
            return Problems.Validation("materials", "至少列出一项需补正的材料 / list at least one material to correct");
        var seen = new HashSet<string>();
        for (var i = 0; i < materials.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(materials[i]?.Code)) errors[$"materials[{i}].code"] = ["必填 / required"];
            else if (!seen.Add(materials[i]!.Code!)) errors[$"materials[{i}].code"] = [$"材料 {materials[i]!.Code} 重复 / listed twice"];
            if (string.IsNullOrWhiteSpace(materials[i]?.Reason)) errors[$"materials[{i}].reason"] = ["须说明补正原因 / say what to correct"];
            else if (materials[i]!.Reason!.Length > 500) errors[$"materials[{i}].reason"] = ["不能超过500个字符 / at most 500 characters"];
        }
        return errors.Count == 0 ? WolverineContinue.NoProblems : Problems.Validation(errors);
    }

    /// <summary>一次性告知补正: list every deficient material at once; the case awaits the applicant.</summary>
    [Authorize(Roles = Roles.Window)]
    [WolverinePost("/api/cases/{id}/correction-requests", OperationId = "RequestCorrection"), Tags("Cases")]
    [ProducesResponseType<CaseVersion>(StatusCodes.Status200OK)]
    public static async Task<CaseVersion> Post(Guid id, RequestCorrection request, IDocumentSession session,
        ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var stream = await CaseStream.Load(session, id, request.Version, ct);
        var deficiencies = request.Materials!.Select(m => new MaterialDeficiency(m!.Code!, m.Reason!.Trim())).ToArray();
        foreach (var d in deficiencies) stream.RequireMaterial(d.MaterialCode);
        return stream.Append(CaseDecisions.RequestCorrection(stream.Aggregate!, deficiencies, Stamps.For(http, clock)));
    }
}
