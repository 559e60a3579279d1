using System.Collections.Frozen;
using System.Text.Json;

namespace ShenHou.Domain.Catalog;

/// <summary>
/// The catalog of items, materials, departments and regions, loaded from versioned data.
/// Every ordering rule (what waits for what) is derived here from that data, never hard-coded.
/// </summary>
public sealed class ServiceCatalog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly FrozenDictionary<string, Item> _items;
    private readonly FrozenDictionary<string, Material> _materials;
    private readonly FrozenDictionary<string, Department> _departments;
    private readonly FrozenDictionary<string, Region> _regions;

    public ServiceCatalog(CatalogData data)
    {
        Data = data;
        CatalogIntegrity.CheckUniqueCodes(data);
        _items = data.Items.ToFrozenDictionary(i => i.Code);
        _materials = data.Materials.ToFrozenDictionary(m => m.Code);
        _departments = data.Departments.ToFrozenDictionary(d => d.Code);
        _regions = data.Regions.ToFrozenDictionary(r => r.Code);
        CatalogIntegrity.Check(this);
    }

    public CatalogData Data { get; }
    public string Version => Data.Version;
    public IReadOnlyList<Item> Items => Data.Items;
    public IReadOnlyList<Material> Materials => Data.Materials;

    public bool HasItem(string code) => _items.ContainsKey(code);
    public bool HasMaterial(string code) => _materials.ContainsKey(code);
    public bool HasDepartment(string code) => _departments.ContainsKey(code);
    public bool HasRegion(string code) => _regions.ContainsKey(code);
    public Item Item(string code) => _items[code];
    public Material Material(string code) => _materials[code];
    public Department Department(string code) => _departments[code];

    /// <summary>
    /// The items of <paramref name="chosen"/> that <paramref name="itemCode"/> waits for: those that
    /// produce a material it requires.
    /// </summary>
    public IReadOnlyList<string> WaitingFor(string itemCode, IReadOnlyCollection<string> chosen)
    {
        var requires = _items[itemCode].Requires;
        return chosen
            .Where(other => other != itemCode && _items[other].Produces.Any(requires.Contains))
            .ToArray();
    }

    /// <summary>Materials required by the chosen items that some chosen item produces.</summary>
    public IReadOnlySet<string> ProducedWithin(IReadOnlyCollection<string> chosen) =>
        chosen.SelectMany(c => _items[c].Produces).ToHashSet();

    /// <summary>The embedded catalog shipped with this build.</summary>
    public static ServiceCatalog LoadEmbedded()
    {
        using var stream = typeof(ServiceCatalog).Assembly
            .GetManifestResourceStream("ShenHou.Domain.Catalog.catalog.json")
            ?? throw new InvalidOperationException("catalog.json is not embedded in ShenHou.Domain");
        return Load(stream);
    }

    public static ServiceCatalog Load(Stream json) =>
        new(JsonSerializer.Deserialize<CatalogData>(json, Json)
            ?? throw new InvalidOperationException("catalog.json is empty"));
}
