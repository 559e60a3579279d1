namespace ShenHou.Api.DataSharing;

/// <summary>
/// Demo simulator of the population registry (人口库), not real data: answers from the embedded demo
/// people and null for every other number. Used when DataSharing:PopulationRegistry:BaseUrl is empty.
/// </summary>
public sealed class SimulatedPopulationRegistry(DemoPeople people) : IPopulationRegistry
{
    public Task<PersonRecord?> FindAsync(string idNumber, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(people.Find(idNumber)?.ToPersonRecord());
    }
}

/// <summary>
/// Demo simulator of the death registry (电子死亡证明), not real data: the demo people's made-up
/// certificates. Used when DataSharing:DeathRegistry:BaseUrl is empty.
/// </summary>
public sealed class SimulatedDeathRegistry(DemoPeople people) : IDeathRegistry
{
    public Task<DeathCertificateRecord?> FindAsync(string deceasedIdNumber, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(people.Find(deceasedIdNumber)?.ToDeathCertificateRecord());
    }
}

/// <summary>
/// Demo simulator of the social security system, not real data: the demo people's made-up cards.
/// Used when DataSharing:SocialSecurity:BaseUrl is empty.
/// </summary>
public sealed class SimulatedSocialSecurityRegistry(DemoPeople people) : ISocialSecurityRegistry
{
    public Task<SocialSecurityRecord?> FindAsync(string idNumber, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(people.Find(idNumber)?.ToSocialSecurityRecord());
    }
}
