using System.Security.Cryptography;
using ShenHou.Domain.Catalog;

namespace ShenHou.Api.Integration;

/// <summary>
/// Which departments have a platform, where it takes pushes and the key both sides sign with: the
/// configured platform, else (when <c>Integration:Simulator:Enabled</c>) the department simulator,
/// with a key made up for this process.
/// </summary>
public sealed class DepartmentPlatforms
{
    public const string HttpClientName = "department-platforms";
    /// <summary>The actor recorded on the events a platform's result writes, e.g. <c>platform:HRSS</c>.</summary>
    public static string Actor(string department) => $"platform:{department}";

    private readonly IntegrationOptions _options;
    private readonly IReadOnlyDictionary<string, string> _simulatedKeys;

    public DepartmentPlatforms(IntegrationOptions options, ServiceCatalog catalog)
    {
        _options = options;
        if (options.Departments.Keys.FirstOrDefault(code => !catalog.HasDepartment(code)) is { } unknown)
            throw new InvalidOperationException($"Integration:Departments:{unknown} is not a department of the catalog");
        _simulatedKeys = options.Simulator.Enabled
            ? catalog.Data.Departments.Where(d => !options.Departments.ContainsKey(d.Code))
                .ToDictionary(d => d.Code, _ => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)))
            : new Dictionary<string, string>();
    }

    public IntegrationOptions Options => _options;

    /// <summary>The departments the simulator stands in for.</summary>
    public IReadOnlyCollection<string> Simulated => _simulatedKeys.Keys.ToArray();

    /// <summary>Where the simulator listens, once it does (it sets this).</summary>
    public Uri? SimulatorAddress { get; set; }

    /// <summary>Whether the department's transfers are pushed to a platform.</summary>
    public bool Connected(string department) => Key(department) is not null;

    public bool IsSimulated(string department) => _simulatedKeys.ContainsKey(department);

    public string? Key(string department) =>
        _options.Departments.TryGetValue(department, out var platform) ? platform.Key
        : _simulatedKeys.GetValueOrDefault(department);

    /// <summary>The platform's push address; null while the simulator that stands in for it is not listening yet.</summary>
    public Uri? Url(string department) =>
        _options.Departments.TryGetValue(department, out var platform) ? new Uri(platform.Url)
        : IsSimulated(department) && SimulatorAddress is { } simulator ? new Uri(simulator, $"departments/{department}/pushes")
        : null;
}
