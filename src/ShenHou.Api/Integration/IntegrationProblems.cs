using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Infrastructure;

namespace ShenHou.Api.Integration;

/// <summary>The department platform endpoints' refusals, bilingual like every other, with a <c>rule</c>.</summary>
internal static class IntegrationProblems
{
    public static IResult NotConnected(string code) => Results.Problem(Problems.WithRule(Problems.NotFound(
        $"部门 {code} 未接入平台", $"department {code} has no platform connected"), "department-not-connected"));

    public static IResult Unauthenticated(SignatureCheck check)
    {
        var (zh, en, rule) = check switch
        {
            SignatureCheck.Missing => ($"缺少签名头 {DepartmentSignature.TimestampHeader} 或 {DepartmentSignature.SignatureHeader}",
                $"the {DepartmentSignature.TimestampHeader} and {DepartmentSignature.SignatureHeader} headers are required", "signature-missing"),
            SignatureCheck.BadTimestamp => ($"{DepartmentSignature.TimestampHeader} 须为 Unix 秒数",
                $"{DepartmentSignature.TimestampHeader} must be Unix seconds", "signature-timestamp-invalid"),
            SignatureCheck.Stale => ($"{DepartmentSignature.TimestampHeader} 超出允许的时间窗口（可能是重放）",
                $"{DepartmentSignature.TimestampHeader} is outside the allowed window (a replay?)", "signature-stale"),
            _ => ($"{DepartmentSignature.SignatureHeader} 与请求内容不符", $"{DepartmentSignature.SignatureHeader} does not match the request",
                "signature-invalid"),
        };
        return new Challenge(Problems.WithRule(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "签名无效 / Signature not accepted",
            Detail = $"{zh} / {en}",
            Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.2",
        }, rule));
    }

    public static IResult ResultIdReused(string resultId) => Results.Problem(Problems.WithRule(new ProblemDetails
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "结果编号冲突 / resultId reused",
        Detail = $"结果编号 {resultId} 已用于另一结果 / resultId {resultId} was already used for a different result",
        Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.21",
    }, "result-id-reused"));

    /// <summary>A 401 names the scheme it wants (RFC 9110 §15.5.2).</summary>
    private sealed class Challenge(ProblemDetails problem) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.WWWAuthenticate =
                $"ShenHou-HMAC-SHA256 headers=\"{DepartmentSignature.TimestampHeader} {DepartmentSignature.SignatureHeader}\"";
            return Results.Problem(problem).ExecuteAsync(http);
        }
    }
}
