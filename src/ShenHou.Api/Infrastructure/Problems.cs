using Microsoft.AspNetCore.Mvc;

namespace ShenHou.Api.Infrastructure;

/// <summary>RFC 9457 problem bodies, always in Chinese and English.</summary>
internal static class Problems
{
    public const string ValidationTitle = "请求参数无效 / One or more fields are invalid";

    public static ValidationProblemDetails Validation(IDictionary<string, string[]> errors) =>
        new(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ValidationTitle,
            Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1",
        };

    /// <summary>The body was JSON <c>null</c> or empty.</summary>
    public static ValidationProblemDetails BodyRequired => Validation("$", "请求体不能为空 / the request body is required");

    public static ValidationProblemDetails Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemDetails NotFound(string chinese, string english) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "未找到 / Not found",
        Detail = $"{chinese} / {english}",
        Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.5",
    };

    public static ProblemDetails Conflict(string chinese, string english, string? rule = null)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "状态冲突 / Conflict with the case's state",
            Detail = $"{chinese} / {english}",
            Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.10",
        };
        return rule is null ? problem : problem.WithRule(rule);
    }

    /// <summary>Names the rule that refused the request, in the <c>rule</c> member clients switch on.</summary>
    public static ProblemDetails WithRule(this ProblemDetails problem, string rule)
    {
        problem.Extensions["rule"] = rule;
        return problem;
    }
}

/// <summary>Thrown where a request names something that does not exist; answered as 404.</summary>
internal sealed class NotFoundException(string chinese, string english) : Exception($"{chinese} / {english}")
{
    public static NotFoundException Case(Guid id) => new($"办件 {id} 不存在", $"case {id} does not exist");
    public static NotFoundException Item(string code) => new($"本办件不含事项 {code}", $"item {code} is not part of this case");

    /// <summary>The 404 this exception answers (also written directly where nothing is thrown).</summary>
    public ProblemDetails Problem => Problems.NotFound(Chinese, English);

    public string Chinese { get; } = chinese;
    public string English { get; } = english;
}
