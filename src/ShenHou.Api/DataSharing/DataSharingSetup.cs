using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace ShenHou.Api.DataSharing;

/// <summary>
/// Registers the three registry ports. Per registry: the HTTP adapter when
/// DataSharing:{PopulationRegistry|DeathRegistry|SocialSecurity}:BaseUrl is set, else the demo simulator.
/// </summary>
public static class DataSharingSetup
{
    public const string Section = "DataSharing";

    public static IServiceCollection AddDataSharing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DataSharingResilienceOptions>()
            .Bind(configuration.GetSection(DataSharingResilienceOptions.Section))
            .Validate(o => o.Problem() is null, $"{DataSharingResilienceOptions.Section} is invalid")
            .ValidateOnStart();
        // Lazy: a deployment with three real registries never reads the demo file.
        services.TryAddSingleton(_ => DemoPeople.LoadEmbedded());

        Add<IPopulationRegistry, HttpPopulationRegistry, SimulatedPopulationRegistry>(
            services, configuration, RegistryNames.Population);
        Add<IDeathRegistry, HttpDeathRegistry, SimulatedDeathRegistry>(services, configuration, RegistryNames.Death);
        Add<ISocialSecurityRegistry, HttpSocialSecurityRegistry, SimulatedSocialSecurityRegistry>(
            services, configuration, RegistryNames.SocialSecurity);
        return services;
    }

    /// <summary>The configured base URL of a registry, null when it is simulated.</summary>
    public static Uri? BaseUrl(IConfiguration configuration, string registry)
    {
        var key = $"{Section}:{registry}:BaseUrl";
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return null;
        // Relative paths resolve against the base only when it ends with a slash.
        return Uri.TryCreate(raw.EndsWith('/') ? raw : raw + "/", UriKind.Absolute, out var uri)
               && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidOperationException($"{key} must be an absolute http(s) URL, not '{raw}'");
    }

    // Both kinds are singletons registered by type, which Wolverine's generated code can take.
    private static void Add<TPort, THttp, TSimulated>(IServiceCollection services, IConfiguration configuration,
        string registry) where TPort : class where THttp : class, TPort where TSimulated : class, TPort
    {
        if (BaseUrl(configuration, registry) is not { } baseUrl)
        {
            services.AddSingleton<TPort, TSimulated>();
            return;
        }

        services.AddSingleton<TPort, THttp>();
        services.AddHttpClient(RegistryHttp.ClientName(registry), (sp, client) =>
            {
                client.BaseAddress = baseUrl;
                // A backstop only: the resilience pipeline's total timeout answers first.
                client.Timeout = Resilience(sp).TotalTimeout + TimeSpan.FromSeconds(1);
            })
            .AddStandardResilienceHandler()
            .Configure((options, sp) => Resilience(sp).ApplyTo(options));
    }

    private static DataSharingResilienceOptions Resilience(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<DataSharingResilienceOptions>>().Value;
}
