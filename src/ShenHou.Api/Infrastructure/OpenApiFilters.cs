using System.Text.Json;
using Microsoft.OpenApi;
using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Domain.People;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ShenHou.Api.Infrastructure;

/// <summary>Documents the actor header that every command records.</summary>
internal sealed class ActorHeaderFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!HttpMethods.IsPost(context.ApiDescription.HttpMethod ?? "")) return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Stamps.ActorHeader,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Who acts (recorded on every event) until authentication lands; \"anonymous\" when absent.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = "window-620100-01",
        });
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
