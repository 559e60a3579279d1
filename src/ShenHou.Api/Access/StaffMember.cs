using System.Security.Claims;

namespace ShenHou.Api.Access;

/// <summary>
/// The authenticated caller as the token describes them. <see cref="RegionCode"/> is a GB/T 2260
/// code: the province's code covers every region, any other code covers itself.
/// </summary>
public sealed record StaffMember(string UserId, string Role, string? Department, string RegionCode, string ProvinceCode)
{
    public const string UserIdClaim = "sub";
    public const string RoleClaim = "role";
    public const string DepartmentClaim = "department";
    public const string RegionClaim = "region";

    /// <summary>Who runs work that no person started (scheduled deadline checks).</summary>
    public static StaffMember System(string provinceCode) => new("system", "System", null, provinceCode, provinceCode);

    public bool HasProvinceScope => RegionCode == ProvinceCode;

    public bool Covers(string caseRegionCode) => HasProvinceScope || RegionCode == caseRegionCode;

    /// <summary>The region a list is limited to, or null for the whole province.</summary>
    public string? RegionFilter => HasProvinceScope ? null : RegionCode;

    public bool Is(string role) => Role == role;

    /// <summary>The caller of this request (the system, outside a request or before authentication).</summary>
    public static StaffMember Of(HttpContext http)
    {
        var province = http.RequestServices.GetRequiredService<AuthOptions>().ProvinceCode;
        return From(http.User, province) ?? System(province);
    }

    /// <summary>The token's user id (<c>sub</c>), or null for an unauthenticated caller.</summary>
    public static string? UserIdOf(ClaimsPrincipal user) => user.FindFirst(UserIdClaim)?.Value is { Length: > 0 } id ? id : null;

    public static StaffMember? From(ClaimsPrincipal user, string provinceCode)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var id = user.FindFirstValue(UserIdClaim);
        var role = user.FindFirstValue(RoleClaim);
        var region = user.FindFirstValue(RegionClaim);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(role) || string.IsNullOrEmpty(region)) return null;
        var department = user.FindFirstValue(DepartmentClaim);
        return new StaffMember(id, role, string.IsNullOrEmpty(department) ? null : department, region, provinceCode);
    }
}
