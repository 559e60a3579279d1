using System.Reflection;
using System.Text.Json;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;
using ShenHou.Domain.People;

namespace ShenHou.Api.DataSharing;

/// <summary>
/// The deterministic demo people behind the simulated registries (embedded demo-people.json).
/// Demo data made up for this project, not real people; see docs/data-sharing.md.
/// </summary>
public sealed class DemoPeople
{
    private const string ResourceName = "ShenHou.Api.DataSharing.demo-people.json";
    private readonly Dictionary<string, DemoPerson> _byId;

    private DemoPeople(IReadOnlyList<DemoPerson> people)
    {
        All = people;
        _byId = people.ToDictionary(p => p.IdNumber, StringComparer.Ordinal);
    }

    public IReadOnlyList<DemoPerson> All { get; }

    /// <summary>The person with this number (a lower-case x is accepted), null for any other string.</summary>
    public DemoPerson? Find(string? idNumber) =>
        CitizenId.Check(idNumber).Id is { } id ? _byId.GetValueOrDefault(id.Value) : null;

    public static DemoPeople LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in ShenHou.Api");
        return Load(stream);
    }

    /// <summary>Reads and checks the file: a broken demo set must fail at start-up, not in a demo.</summary>
    public static DemoPeople Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<DemoFile>(json, Json.Options)
            ?? throw new InvalidOperationException("demo-people.json is empty");
        var errors = Check(file.People).ToList();
        return errors.Count == 0
            ? new DemoPeople(file.People)
            : throw new InvalidOperationException("demo-people.json is invalid: " + string.Join("; ", errors));
    }

    private static IEnumerable<string> Check(IReadOnlyList<DemoPerson> people)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in people)
        {
            var check = CitizenId.Check(p.IdNumber);
            if (check.Id is not { } id || id.Value != p.IdNumber) { yield return $"{p.Name}: {check.Message ?? "not normalised"}"; continue; }
            if (!ids.Add(id.Value)) yield return $"{p.Name}: {id.Value} listed twice";
            if (id.Gender != p.Gender) yield return $"{p.Name}: gender contradicts the sequence digit";
            if (p.Deceased != (p.DeathCertificate is not null)) yield return $"{p.Name}: deceased needs a death certificate and only then";
            if (p.SocialSecurity is { CardActive: true, CardIssued: false }) yield return $"{p.Name}: card active but not issued";
        }
        foreach (var p in people.Where(p => p.RelativeOf is not null))
        {
            if (!people.Any(d => d.IdNumber == p.RelativeOf && d.Deceased)) yield return $"{p.Name}: relativeOf names no deceased person";
            if (p.Relationship is null) yield return $"{p.Name}: relativeOf without relationship";
        }
    }

    private sealed record DemoFile(string? Notice, IReadOnlyList<DemoPerson> People);
}

/// <param name="Role">What the person is for in a demo, e.g. "deceased (card active)".</param>
/// <param name="RelativeOf">For an applicant-like person: the deceased person's ID number.</param>
public sealed record DemoPerson(
    string IdNumber, string Name, Gender Gender, string Ethnicity, string HouseholdAddress, bool Deceased,
    string Role, string? RelativeOf, Relationship? Relationship, DemoDeathCertificate? DeathCertificate,
    DemoSocialSecurity? SocialSecurity)
{
    public PersonRecord ToPersonRecord() => new(IdNumber, Name, Gender, Ethnicity, HouseholdAddress, Deceased);

    public DeathCertificateRecord? ToDeathCertificateRecord() => DeathCertificate is { } d
        ? new(IdNumber, Name, d.CertificateNumber, d.DiedAt, d.IssuedBy)
        : null;

    public SocialSecurityRecord? ToSocialSecurityRecord() => SocialSecurity is { } s
        ? new(IdNumber, Name, s.CardIssued, s.CardActive, s.AccountActive, s.CardNumberMasked)
        : null;
}

public sealed record DemoDeathCertificate(string CertificateNumber, DateTimeOffset DiedAt, string IssuedBy);

public sealed record DemoSocialSecurity(bool CardIssued, bool CardActive, bool AccountActive, string? CardNumberMasked);
