using System.Security.Claims;
using System.Text.Json;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Cases;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Integration;

/// <summary>A department platform's result for one of its items: a decision, or the issued result.</summary>
/// <param name="ResultId" example="HRSS-2026-000123">The platform's own id of this result; sending it again changes nothing and answers the same.</param>
/// <param name="Outcome" example="Approved">Approved, Rejected (with a reason) or Issued (with a reference; the item must be approved first).</param>
/// <param name="Reference" example="甘人社养〔2026〕001234">The issued document's number, for Issued.</param>
public sealed record DepartmentResult(
    string? ResultId, Guid? CaseId, string? ItemCode, DepartmentOutcome? Outcome, string? Reason, string? Reference);

/// <summary>The answer to an applied result; a repeat of the result gets this same answer.</summary>
public sealed record DepartmentResultAccepted(string ResultId, Guid CaseId, string ItemCode, DepartmentOutcome Outcome, long Version);

public static class ReceiveDepartmentResultEndpoint
{
    /// <summary>The role recorded in the event metadata of what a platform writes.</summary>
    public const string PlatformRole = "DepartmentPlatform";

    /// <summary>
    /// A department's decision or issued result, sent by its own platform (signed: see
    /// docs/api.md → Department platforms). Applied like a reviewer's, as <c>platform:{code}</c>;
    /// idempotent by <c>resultId</c>.
    /// </summary>
    // Anonymous to the bearer scheme on purpose: a platform is a machine that holds no staff token.
    // It proves itself with the department's HMAC signature over the raw body and a fresh timestamp,
    // checked below before the body is read as JSON or anything is loaded or written.
    [AllowAnonymous]
    [WolverinePost("/api/integration/departments/{code}/results", OperationId = "ReceiveDepartmentResult"), Tags("Integration")]
    [ProducesResponseType<DepartmentResultAccepted>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(string code, HttpContext http, IDocumentSession session, DepartmentPlatforms platforms,
        AuthOptions auth, ServiceClock clock, WorkingCalendar calendar, CancellationToken ct)
    {
        if (platforms.Key(code) is not { } key) return IntegrationProblems.NotConnected(code);
        var body = await ReadBody(http.Request, ct);
        var check = DepartmentSignature.Verify(key, http.Request.Headers[DepartmentSignature.TimestampHeader],
            http.Request.Headers[DepartmentSignature.SignatureHeader], body, clock.GetUtcNow(), platforms.Options.SignatureTolerance);
        if (check != SignatureCheck.Valid) return IntegrationProblems.Unauthenticated(check);

        DepartmentResult? result;
        try
        {
            result = JsonSerializer.Deserialize<DepartmentResult>(body, Json.Options);
        }
        catch (JsonException e)
        {
            var (field, message) = JsonProblems.Malformed(e.Path);
            return Results.Problem(Problems.Validation(field, message));
        }
        if (Rules(result) is { } invalid) return Results.Problem(invalid);

        // From here on the platform is the caller: the events and their metadata name it.
        http.User = Platform(code, auth.ProvinceCode);
        // The case's row lock first: a repeat running at the same time waits here and then finds the receipt.
        var stream = await CaseStream.Load(session, result!.CaseId!.Value, null, ct);
        var id = DepartmentResultReceipt.IdFor(code, result.ResultId!);
        var fingerprint = DepartmentResultReceipt.FingerprintOf(result);
        if (await session.LoadAsync<DepartmentResultReceipt>(id, ct) is { } earlier)
            return earlier.Fingerprint == fingerprint ? Replay(http, earlier.Answer) : IntegrationProblems.ResultIdReused(result.ResultId!);

        var current = stream.RequireItem(result.ItemCode!);
        var version = stream.Append(CaseDecisions.RecordDepartmentResult(current, code, result.ItemCode!, result.Outcome!.Value,
            result.Reason?.Trim(), result.Reference?.Trim(), Stamps.For(http, clock), calendar));
        var answer = new DepartmentResultAccepted(result.ResultId!, version.Id, result.ItemCode!, result.Outcome.Value, version.Version);
        session.Insert(new DepartmentResultReceipt
        {
            Id = id, Department = code, ResultId = result.ResultId!, Fingerprint = fingerprint, CaseId = version.Id,
            Answer = answer, ReceivedAt = clock.GetUtcNow(),
        });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            // The same id, at the same moment, for another case (that one held another row lock).
            session.EjectAllPendingChanges();
            return IntegrationProblems.ResultIdReused(result.ResultId!);
        }
        return Results.Ok(answer);
    }

    /// <summary>Request-shape rules (400, keyed by field).</summary>
    public static ProblemDetails? Rules(DepartmentResult? r)
    {
        if (r is null) return Problems.BodyRequired;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.ResultId) || r.ResultId.Length > 100 || r.ResultId.Any(char.IsControl))
            errors["resultId"] = ["必填，1至100个字符 / required, 1 to 100 characters"];
        if (r.CaseId is null || r.CaseId == Guid.Empty) errors["caseId"] = ["必填 / required"];
        if (string.IsNullOrWhiteSpace(r.ItemCode)) errors["itemCode"] = ["必填 / required"];
        if (r.Outcome is null) errors["outcome"] = ["必填：Approved、Rejected 或 Issued / required: Approved, Rejected or Issued"];
        if (r.Outcome == DepartmentOutcome.Rejected && string.IsNullOrWhiteSpace(r.Reason))
            errors["reason"] = ["不予办理时须说明原因 / a reason is required when rejecting"];
        else if (r.Reason?.Length > 500) errors["reason"] = ["不能超过500个字符 / at most 500 characters"];
        if (r.Outcome == DepartmentOutcome.Issued && string.IsNullOrWhiteSpace(r.Reference))
            errors["reference"] = ["出证时必填 / required when the result is issued"];
        else if (r.Reference?.Length > 100) errors["reference"] = ["不能超过100个字符 / at most 100 characters"];
        return errors.Count == 0 ? null : Problems.Validation(errors);
    }

    private static async Task<byte[]> ReadBody(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct); // the body limit (413) applies while reading
        return buffer.ToArray();
    }

    private static ClaimsPrincipal Platform(string code, string provinceCode) => new(new ClaimsIdentity(
        [
            new Claim(StaffMember.UserIdClaim, DepartmentPlatforms.Actor(code)),
            new Claim(StaffMember.RoleClaim, PlatformRole),
            new Claim(StaffMember.DepartmentClaim, code),
            new Claim(StaffMember.RegionClaim, provinceCode),
        ], authenticationType: "DepartmentSignature", StaffMember.UserIdClaim, StaffMember.RoleClaim));

    private static IResult Replay(HttpContext http, DepartmentResultAccepted answer)
    {
        http.Response.Headers[Idempotency.ReplayedHeader] = "true";
        return Results.Ok(answer);
    }
}
