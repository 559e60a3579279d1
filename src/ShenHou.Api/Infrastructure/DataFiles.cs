using ShenHou.Domain.Calendar;
using ShenHou.Domain.Catalog;

namespace ShenHou.Api.Infrastructure;

/// <summary>
/// The versioned data the service runs on: embedded in the build, or replaced by a file named in
/// configuration (a newer catalog, a newly published year's holidays) without a new build.
/// </summary>
internal static class DataFiles
{
    public static ServiceCatalog Catalog(IConfiguration configuration) =>
        Load(configuration["Catalog:Path"], ServiceCatalog.LoadEmbedded, ServiceCatalog.Load);

    public static WorkingCalendar Calendar(IConfiguration configuration) =>
        Load(configuration["Calendar:Path"], WorkingCalendar.LoadEmbedded, WorkingCalendar.Load);

    private static T Load<T>(string? path, Func<T> embedded, Func<Stream, T> load)
    {
        if (string.IsNullOrWhiteSpace(path)) return embedded();
        using var file = File.OpenRead(path);
        return load(file);
    }
}
