using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace ShenHou.Api.Access;

/// <summary>401 and 403 as RFC 9457 problems in Chinese and English, like every other refusal.</summary>
internal sealed class AccessProblems : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        // No route matched: let it be the 404 it is, not a refusal.
        if (context.GetEndpoint() is null)
        {
            await next(context);
            return;
        }
        if (result.Challenged)
        {
            await context.ChallengeAsync(); // status and WWW-Authenticate
            await Write(context, Unauthorized);
            return;
        }
        if (result.Forbidden)
        {
            await context.ForbidAsync();
            await Write(context, Forbidden(context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => a.Roles).Where(r => r is not null).ToArray() ?? []));
            return;
        }
        await _default.HandleAsync(next, context, policy, result);
    }

    public static ProblemDetails Unauthorized => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "未登录 / Not authenticated",
        Detail = "请携带有效的访问令牌（Authorization: Bearer …） / send a valid bearer token (Authorization: Bearer …)",
        Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.2",
    };

    public static ProblemDetails Forbidden(IReadOnlyList<string?> roles) => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "无权访问 / Forbidden",
        Detail = roles.Count == 0
            ? "此操作不对任何角色开放 / no role may use this route"
            : $"此操作仅限角色：{string.Join("、", roles)} / only these roles may do this: {string.Join(", ", roles)}",
        Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.4",
    };

    public static ProblemDetails Outside(string chinese, string english) => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "超出管辖范围 / Outside your jurisdiction",
        Detail = $"{chinese} / {english}",
        Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.4",
    };

    public static async Task Write(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
