using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.DataSharing;

namespace ShenHou.Tests.DataSharing;

/// <summary>The app's own data-sharing registrations, pointed at a loopback server with short waits.</summary>
internal static class RegistryHarness
{
    // Timeouts stay generous here: a first request on a busy 2-core machine can take hundreds of ms.
    // Only the timeout test shrinks the attempt timeout.
    public static readonly Dictionary<string, string?> FastResilience = new()
    {
        ["DataSharing:Resilience:AttemptTimeout"] = "00:00:02",
        ["DataSharing:Resilience:TotalTimeout"] = "00:00:05",
        ["DataSharing:Resilience:MaxRetries"] = "2",
        ["DataSharing:Resilience:RetryDelay"] = "00:00:00.010",
        // High enough that the breaker stays out of the way unless a test asks for it.
        ["DataSharing:Resilience:CircuitMinimumThroughput"] = "1000",
    };

    public const int MaxRetries = 2;

    public static ServiceProvider Services(Uri baseUrl, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(FastResilience)
        {
            [$"DataSharing:{RegistryNames.Population}:BaseUrl"] = baseUrl.ToString(),
            [$"DataSharing:{RegistryNames.Death}:BaseUrl"] = baseUrl.ToString(),
            [$"DataSharing:{RegistryNames.SocialSecurity}:BaseUrl"] = baseUrl.ToString(),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddDataSharing(configuration).BuildServiceProvider();
    }
}
