using System.Text.Json;
using Microsoft.OpenApi;
using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Domain.People;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ShenHou.Api.Infrastructure;

/// <summary>Names the roles each operation admits, with its 401 and 403 answers.</summary>
internal sealed class RolesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return;
        }
        var roles = metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Select(a => a.Roles).Where(r => r is not null);
        operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : "") +
            $"角色 / Roles: {string.Join(", ", roles)}";
        ProblemResponsesFilter.Add(operation, context, "401", typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), "未登录 / no valid bearer token");
        ProblemResponsesFilter.Add(operation, context, "403", typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), "角色不允许 / the caller's role may not do this");
    }
}

/// <summary>A complete, valid Annex 1 form as the example a generated client can send as it is.</summary>
internal sealed class SubmitCaseExampleFilter : ISchemaFilter
{
    private static readonly SubmitCase Example = new("620100", Channel.Window, ["DEATH_CERT", "HUKOU_CANCEL", "PENSION_SURVIVOR_BENEFIT"],
        new ApplicantForm("张伟", Gender.Male, "汉族", CitizenId.Compose("620102", new DateOnly(1980, 1, 1), 17),
            "13800138000", Relationship.Child, "甘肃省兰州市城关区庆阳路1号", "甘肃省兰州市城关区庆阳路1号"),
        new DeceasedForm("王秀英", Gender.Female, "汉族", "兰州市某机械厂", CitizenId.Compose("620102", new DateOnly(1950, 3, 8), 22),
            "甘肃省兰州市城关区庆阳路1号", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8)), "兰州大学第一医院"),
        new PayoutAccountForm("王秀英", "中国工商银行兰州庆阳路支行", "6222021234567890123", "102821000016"),
        null);

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type == typeof(SubmitCase) && schema is OpenApiSchema concrete)
            concrete.Examples = [JsonSerializer.SerializeToNode(Example, Json.Options)!];
    }
}

/// <summary>
/// The problem responses every endpoint of a kind can give, declared once: a POST body can be
/// malformed (400), a route can name a missing resource (404), a case command can meet the
/// wrong state or a stale version (409), and a query string can be unparseable (400).
/// </summary>
internal sealed class ProblemResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var path = "/" + (context.ApiDescription.RelativePath ?? "");
        var post = HttpMethods.IsPost(context.ApiDescription.HttpMethod ?? "");
        var hasQuery = context.ApiDescription.ParameterDescriptions.Any(p => p.Source.Id == "Query");
        if (post || hasQuery) Add(operation, context, "400", typeof(HttpValidationProblemDetails), "请求无效 / invalid request");
        if (path.Contains('{')) Add(operation, context, "404", typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), "未找到 / not found");
        // Wolverine declares a bare 404 on every endpoint; without a route value there is nothing to miss.
        else if (operation.Responses?.TryGetValue("404", out var bare) == true && bare.Content is not { Count: > 0 })
            operation.Responses.Remove("404");
        if (post && path.StartsWith("/api/cases/{", StringComparison.Ordinal))
            Add(operation, context, "409", typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), "状态冲突或版本过期 / the case's state does not allow it, or a stale version");
    }

    public static void Add(OpenApiOperation operation, OperationFilterContext context, string status, Type type, string description)
    {
        operation.Responses ??= new OpenApiResponses();
        if (operation.Responses.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository) },
            },
        };
    }
}
