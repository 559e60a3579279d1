using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ShenHou.Api.Infrastructure;

/// <summary>
/// Request limits, each answered with a clear problem: a body larger than <c>Limits:MaxBodyBytes</c>
/// is 413; more than <c>Limits:RequestsPerMinute</c> requests from one caller is 429 (0 turns the
/// rate limit off). The caller is the authenticated user, else the remote address.
/// </summary>
internal static class Limits
{
    public static long MaxBodyBytes(IConfiguration configuration) => configuration.GetValue("Limits:MaxBodyBytes", 256 * 1024L);

    public static void AddShenHouLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Limits:RequestsPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                perMinute <= 0 || !context.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(Caller(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                    }));
            o.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString();
                await Write(http, new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "请求过于频繁 / Too many requests",
                    Detail = $"每位用户每分钟最多{perMinute}次请求，请稍后再试 / at most {perMinute} requests a minute per caller; retry later",
                }, ct);
            };
        });
    }

    public static void UseShenHouBodyLimit(this WebApplication app)
    {
        var maxBody = MaxBodyBytes(app.Configuration);
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > maxBody)
            {
                await Write(context, TooLarge(maxBody), context.RequestAborted);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = maxBody;
            await next();
        });
    }

    public static ProblemDetails TooLarge(long maxBody) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "请求体过大 / Request body too large",
        Detail = $"请求体不能超过{maxBody / 1024} KiB / the body may be at most {maxBody / 1024} KiB",
    };

    private static string Caller(HttpContext context)
    {
        var user = Access.StaffMember.UserIdOf(context.User);
        return user is not null ? "user:" + user : "ip:" + context.Connection.RemoteIpAddress;
    }

    private static async Task Write(HttpContext context, ProblemDetails problem, CancellationToken ct)
    {
        context.Response.StatusCode = problem.Status!.Value;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
