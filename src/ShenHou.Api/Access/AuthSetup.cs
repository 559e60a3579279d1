using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;

namespace ShenHou.Api.Access;

/// <summary>
/// JWT bearer authentication and deny-by-default authorization: a route without its own
/// <c>[Authorize(Roles = ...)]</c> or <c>[AllowAnonymous]</c> admits nobody.
/// </summary>
public static class AuthSetup
{
    public static void AddShenHouAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<CaseScopes>();
        services.AddSingleton<Privacy.AccessLog>();
        services.AddHttpContextAccessor();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                NameClaimType = StaffMember.UserIdClaim,
                RoleClaimType = StaffMember.RoleClaim,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            if (!string.IsNullOrEmpty(options.Authority))
            {
                jwt.Authority = options.Authority;
                jwt.Audience = options.Audience;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                jwt.TokenValidationParameters.ValidateIssuer = false; // the discovery document names it
            }
            else
            {
                jwt.TokenValidationParameters.IssuerSigningKey = options.Key;
            }
        });

        services.AddAuthorization(o =>
        {
            // Deny by default: an endpoint that forgot its roles answers 403 to everyone.
            o.FallbackPolicy = new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(_ => false)
                .Build();
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessProblems>();
    }

    public static void UseShenHouAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CaseJurisdiction>();
    }
}
