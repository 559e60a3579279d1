using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace ShenHou.Api.Infrastructure;

/// <summary>
/// Wolverine answers a body or a query value it cannot read with its own English 400. This gives
/// those problems the same shape as every other: bilingual, with <c>errors</c> keyed by the field.
/// </summary>
internal static partial class JsonProblems
{
    private const string WolverineTitle = "Invalid JSON format";
    private const string WolverineQueryTitle = "Invalid query string value";

    public static void AddShenHouProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Status != StatusCodes.Status400BadRequest) return;
            if (problem.Title == WolverineQueryTitle && problem.Extensions.TryGetValue("parameter", out var parameter))
            {
                problem.Title = Problems.ValidationTitle;
                problem.Extensions["errors"] = new Dictionary<string, string[]>
                {
                    [$"{parameter}"] = [$"查询参数格式错误 / the query value cannot be read: {problem.Detail}"],
                };
                return;
            }
            if (problem.Title != WolverineTitle) return;

            var (field, message) = Malformed(JsonPath().Match(problem.Detail ?? "") is { Success: true } m ? m.Groups[1].Value : null);
            problem.Title = Problems.ValidationTitle;
            problem.Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1";
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
            problem.Instance ??= context.HttpContext.Features.Get<IHttpRequestFeature>()?.Path;
        });

    /// <summary>The field and the message for a body that is not JSON, or has a value of the wrong type at the JSON path.</summary>
    public static (string Field, string Message) Malformed(string? path)
    {
        path ??= "$";
        return (path == "$" ? "$" : path.TrimStart('$', '.'), $"JSON 格式错误或类型不符 / malformed JSON or a value of the wrong type at {path}");
    }

    [GeneratedRegex(@"Path: (\$[^\s|]*)")]
    private static partial Regex JsonPath();
}
