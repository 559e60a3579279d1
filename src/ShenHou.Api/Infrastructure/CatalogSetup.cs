using ShenHou.Domain.Catalog;

namespace ShenHou.Api.Infrastructure;

internal static class CatalogSetup
{
    /// <summary>
    /// The embedded catalog, or the file at <c>Catalog:Path</c>: a new catalog version (changed time
    /// limits, materials) can be loaded without a new build. Cases keep the plan they were submitted with.
    /// </summary>
    public static ServiceCatalog Load(IConfiguration configuration)
    {
        var path = configuration["Catalog:Path"];
        if (string.IsNullOrWhiteSpace(path)) return ServiceCatalog.LoadEmbedded();
        using var file = File.OpenRead(path);
        return ServiceCatalog.Load(file);
    }
}
