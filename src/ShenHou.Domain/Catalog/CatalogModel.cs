using System.Text.Json.Serialization;

namespace ShenHou.Domain.Catalog;

/// <summary>A responsible body (部门).</summary>
public sealed record Department(string Code, string Name, string NameEn);

/// <summary>A prefecture-level division; <c>Assumption</c> marks codes the plan does not give.</summary>
public sealed record Region(string Code, string Name, bool Assumption = false);

/// <summary>A material (材料) an applicant may have to hand in.</summary>
public sealed record Material(
    string Code,
    string Name,
    string NameEn,
    bool OfflineOnly,
    IReadOnlyList<string> OriginalRequiredFor,
    bool Assumption = false)
{
    /// <summary>The registry that can vouch for it (材料自动核验), if any.</summary>
    public MaterialSharing? Sharing { get; init; }
}

/// <summary>Which registry vouches for a material, and whose record it checks.</summary>
public sealed record MaterialSharing(string Registry, SharingSubject Subject);

[JsonConverter(typeof(JsonStringEnumConverter<SharingSubject>))]
public enum SharingSubject { Applicant, Deceased }

/// <summary>An affair (事项) a department handles within a time limit.</summary>
public sealed record Item(
    string Code,
    string Name,
    string NameEn,
    string Department,
    int TimeLimitWorkingDays,
    IReadOnlyList<string> Requires,
    IReadOnlyList<string> Produces,
    bool Annex2,
    bool Assumption)
{
    /// <summary>The Annex 1 account section the item pays into, if any: the form must carry it.</summary>
    public AccountSection? Account { get; init; }

    /// <summary>The regulation a decision on this item rests on; recorded with every decision and issue.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>Why the assumed values were chosen; shown in docs/catalog.md.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AssumptionNote { get; init; }
}

/// <summary>Where an item pays out: the deceased's payout account or the heir's account (Annex 1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccountSection>))]
public enum AccountSection { Payout, Heir }

/// <summary>The whole versioned catalog as stored in catalog.json.</summary>
public sealed record CatalogData(
    string Version,
    IReadOnlyList<Item> Items,
    IReadOnlyList<Material> Materials,
    IReadOnlyList<Department> Departments,
    IReadOnlyList<Region> Regions);
