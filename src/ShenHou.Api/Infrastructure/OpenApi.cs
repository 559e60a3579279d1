using System.Reflection;
using Microsoft.OpenApi;

namespace ShenHou.Api.Infrastructure;

internal static class OpenApi
{
    public static void AddShenHouOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "ShenHou 个人身后“一件事” API",
                Version = "v1",
                Description = "One application after a death, routed to every department in parallel. " +
                              "Errors are RFC 9457 problem documents in Chinese and English.",
            });
            o.SupportNonNullableReferenceTypes();
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from the configured OIDC provider, or in development from POST /api/dev/tokens.",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
            });
            o.OperationFilter<RolesFilter>();
            o.OperationFilter<ProblemResponsesFilter>();
            o.SchemaFilter<SubmitCaseExampleFilter>();
            o.UseAllOfToExtendReferenceSchemas();
            o.CustomSchemaIds(t => t.FullName!.Replace("ShenHou.", "").Replace('+', '.'));
            foreach (var assembly in new[] { typeof(OpenApi).Assembly })
            {
                var xml = Path.Combine(AppContext.BaseDirectory, $"{assembly.GetName().Name}.xml");
                if (File.Exists(xml)) o.IncludeXmlComments(xml, includeControllerXmlComments: true);
            }
        });
    }
}
