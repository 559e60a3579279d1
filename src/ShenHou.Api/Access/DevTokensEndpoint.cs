using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Catalog;
using Wolverine.Http;

namespace ShenHou.Api.Access;

/// <summary>Who a development token is for.</summary>
/// <param name="UserId" example="window-620100-01">Recorded on every event the token's holder causes.</param>
/// <param name="Role" example="Window">Window, DepartmentReviewer, Supervisor, Auditor or Hotline.</param>
/// <param name="Department" example="HRSS">A catalog department code; required for DepartmentReviewer, refused otherwise.</param>
/// <param name="RegionCode" example="620100">A catalog region, or the province's code (620000) for every region.</param>
public sealed record DevTokenRequest(string? UserId, string? Role, string? Department, string? RegionCode);

public sealed record DevToken(string Token, DateTimeOffset ExpiresAt, string UserId, string Role, string? Department, string RegionCode);

public static class DevTokensEndpoint
{
    public static ProblemDetails Validate(DevTokenRequest? request, AuthOptions options, ServiceCatalog catalog)
    {
        if (!options.DevTokens)
            return Problems.NotFound("未启用开发令牌（Auth:DevTokens）", "development tokens are off (Auth:DevTokens)");
        if (request is null) return Problems.BodyRequired;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserId) || request.UserId.Length > 100 || request.UserId.Any(char.IsControl))
            errors["userId"] = ["必填，1至100个字符 / required, 1 to 100 characters"];
        if (request.Role is null || !Roles.All.Contains(request.Role))
            errors["role"] = [$"须为以下之一 / must be one of: {string.Join(", ", Roles.All)}"];
        if (request.Role == Roles.DepartmentReviewer && (request.Department is null || !catalog.HasDepartment(request.Department)))
            errors["department"] = ["部门审核人员须填写目录中的部门代码 / a DepartmentReviewer needs a department code from the catalog"];
        else if (request.Role != Roles.DepartmentReviewer && request.Department is not null)
            errors["department"] = ["仅部门审核人员有部门 / only a DepartmentReviewer has a department"];
        if (request.RegionCode is null || request.RegionCode != options.ProvinceCode && !catalog.HasRegion(request.RegionCode))
            errors["regionCode"] = [$"须为目录中的地区代码或全省代码 {options.ProvinceCode} / must be a catalog region or the province code {options.ProvinceCode}"];
        return errors.Count == 0 ? WolverineContinue.NoProblems : Problems.Validation(errors);
    }

    /// <summary>
    /// A signed token for local development and demos, only when <c>Auth:DevTokens</c> is true
    /// (scripts/run.sh turns it on); otherwise 404. Send it as <c>Authorization: Bearer …</c>.
    /// </summary>
    [AllowAnonymous]
    [WolverinePost("/api/dev/tokens", OperationId = "IssueDevToken"), Tags("Development")]
    [ProducesResponseType<DevToken>(StatusCodes.Status200OK)]
    public static DevToken Post(DevTokenRequest request, TokenIssuer issuer)
    {
        var userId = request.UserId!.Trim();
        var (token, expiresAt) = issuer.Issue(userId, request.Role!, request.Department, request.RegionCode!);
        return new DevToken(token, expiresAt, userId, request.Role!, request.Department, request.RegionCode!);
    }
}
