using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.DataSharing;
using ShenHou.Domain.Cases;

namespace ShenHou.Api.Infrastructure;

/// <summary>
/// Turns the exceptions that describe the caller's mistake into problem responses. Everything else
/// stays a 500 and is logged: those are our bugs.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = Map(exception, context);
        if (problem is null) return false;
        log.LogInformation("{Method} {Path} answered {Status}: {Detail}", context.Request.Method,
            context.Request.Path, problem.Status, problem.Detail ?? problem.Title);
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, ProblemDetails = problem, Exception = exception,
        });
    }

    private static ProblemDetails? Map(Exception exception, HttpContext context) => exception switch
    {
        CaseRuleViolation v => Problems.Conflict(v.Chinese, v.English, v.Rule),
        NotFoundException n => n.Problem,
        Access.OutsideJurisdictionException o => Access.AccessProblems.Outside(o.Chinese, o.English),
        RegistryUnavailableException r => RegistryProblems.Unavailable(r),
        StaleVersionException s => Problems.Conflict(
            $"版本已过期：办件当前版本为 {s.Actual}，请求所依据的版本为 {s.Expected}",
            $"stale version: the case is at version {s.Actual}, the request was based on {s.Expected}", "stale-version"),
        ConcurrencyException or EventStreamUnexpectedMaxEventIdException => Problems.Conflict(
            "办件已被他人修改，请刷新后重试", "the case was changed by someone else meanwhile; reload and retry",
            "stale-version"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Limits.TooLarge(
            Limits.MaxBodyBytes(context.RequestServices.GetRequiredService<IConfiguration>())),
        BadHttpRequestException bad => Problems.Validation("$", $"请求无效 / bad request: {bad.Message}"),
        _ => null,
    };
}

/// <summary>A command's <c>version</c> is not the case's current version.</summary>
internal sealed class StaleVersionException(long expected, long actual)
    : Exception($"expected version {expected}, the case is at {actual}")
{
    public long Expected { get; } = expected;
    public long Actual { get; } = actual;
}
