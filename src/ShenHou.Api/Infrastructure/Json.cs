using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShenHou.Api.Infrastructure;

/// <summary>One set of JSON rules for requests, responses and the OpenAPI document.</summary>
internal static class Json
{
    /// <summary>The same rules for serialising outside the HTTP pipeline.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        return options;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Enums travel as their PascalCase names; a number is not a valid enum value.
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        // A number is a number: "3" is not a version.
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    public static void AddShenHouJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => Configure(o.JsonSerializerOptions));
    }
}
