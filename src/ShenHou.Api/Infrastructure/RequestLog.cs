using System.Diagnostics;
using ShenHou.Api.Access;

namespace ShenHou.Api.Infrastructure;

/// <summary>
/// One line per request: method, route pattern, status, time, and who. The route pattern, never
/// the raw URL: query strings carry ID numbers (<c>/api/prefill?idNumber=…</c>) and phone digits,
/// which must not reach the logs. ASP.NET Core's own request lines (which print the URL) are
/// turned down to warnings in appsettings.json for that reason.
/// </summary>
internal sealed class RequestLog(RequestDelegate next, ILogger<RequestLog> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            var user = StaffMember.From(context.User, "");
            log.LogInformation("HTTP {Method} {Route} answered {Status} in {Elapsed:0.0} ms for {User} ({Role})",
                context.Request.Method, route, context.Response.StatusCode, watch.Elapsed.TotalMilliseconds,
                user?.UserId ?? "anonymous", user?.Role ?? "-");
        }
    }
}
