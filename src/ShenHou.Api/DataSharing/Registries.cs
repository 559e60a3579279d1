using ShenHou.Domain.People;

namespace ShenHou.Api.DataSharing;

// The data-sharing ports (智能预填 / 材料自动核验). Each answers what it knows about a citizen ID
// number, null when it has no record, and throws RegistryUnavailableException when it is down, too
// slow or answers something we cannot read: callers must never let that fail a submission.

/// <summary>人口库: the population registry.</summary>
public interface IPopulationRegistry
{
    Task<PersonRecord?> FindAsync(string idNumber, CancellationToken ct);
}

/// <summary>The death registry: electronic death certificates (电子死亡证明).</summary>
public interface IDeathRegistry
{
    Task<DeathCertificateRecord?> FindAsync(string deceasedIdNumber, CancellationToken ct);
}

/// <summary>Social security: the person's card and account status.</summary>
public interface ISocialSecurityRegistry
{
    Task<SocialSecurityRecord?> FindAsync(string idNumber, CancellationToken ct);
}

/// <param name="IdNumber">Normalised GB 11643 number (upper-case X).</param>
public sealed record PersonRecord(
    string IdNumber, string Name, Gender Gender, string Ethnicity, string HouseholdAddress, bool Deceased);

public sealed record DeathCertificateRecord(
    string IdNumber, string Name, string CertificateNumber, DateTimeOffset DiedAt, string IssuedBy);

/// <param name="CardActive">Issued and activated; the pension items need an active card.</param>
/// <param name="CardNumberMasked">Never the full number.</param>
public sealed record SocialSecurityRecord(
    string IdNumber, string Name, bool CardIssued, bool CardActive, bool AccountActive, string? CardNumberMasked);

/// <summary>The registries, by the names events and the catalog use.</summary>
public static class RegistryNames
{
    public const string Population = "PopulationRegistry";
    public const string Death = "DeathRegistry";
    public const string SocialSecurity = "SocialSecurity";
}

/// <summary>A registry that is down, timed out or answered nonsense.</summary>
public sealed class RegistryUnavailableException(string registry, string reason, Exception? inner = null)
    : Exception($"{registry} is unavailable: {reason}", inner)
{
    public string Registry { get; } = registry;
    public string Reason { get; } = reason;
}
