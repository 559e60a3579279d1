using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ShenHou.Api.Access;

/// <summary>
/// Signs development tokens with the service's own key (never used with an outside authority).
/// Tokens live by the system clock, not the service's business clock: the bearer handler checks
/// their lifetime against real time.
/// </summary>
public sealed class TokenIssuer(AuthOptions options)
{
    public string ProvinceCode => options.ProvinceCode;

    public (string Token, DateTimeOffset ExpiresAt) Issue(string userId, string role, string? department, string regionCode)
    {
        var claims = new List<Claim>
        {
            new(StaffMember.UserIdClaim, userId),
            new(StaffMember.RoleClaim, role),
            new(StaffMember.RegionClaim, regionCode),
        };
        if (!string.IsNullOrEmpty(department)) claims.Add(new(StaffMember.DepartmentClaim, department));
        var now = DateTime.UtcNow;
        var expires = now + options.DevTokenLifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(options.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, new DateTimeOffset(expires, TimeSpan.Zero));
    }

    public string For(string userId, string role, string? department, string regionCode) =>
        Issue(userId, role, department, regionCode).Token;
}
