using Marten;
using ShenHou.Api.Access;
using ShenHou.Domain.Catalog;

namespace ShenHou.Api.Audit;

/// <summary>The Marten side of the tamper-evident history: the hash table, the listener, the checkpoints.</summary>
public static class TamperEvidence
{
    public static void AddTamperEvidence(this StoreOptions opts)
    {
        opts.Storage.ExtendedSchemaObjects.Add(EventHashes.Table());
        opts.Listeners.Add(new EventHashListener(opts));
        opts.Schema.For<AuditCheckpoint>();
        opts.Schema.For<Privacy.PersonalDataAccess>().Index(a => a.At).Index(a => a.CaseId).Index(a => a.RegionCode);
        opts.Events.MetadataConfig.HeadersEnabled = true;
    }

    /// <summary>The metadata listener needs the request's user: it is added once the container is built, ahead of the hash.</summary>
    public static void AddEventMetadata(this IServiceCollection services) =>
        services.ConfigureMarten((sp, opts) => opts.Listeners.Insert(0, new EventMetadataListener(
            sp.GetRequiredService<IHttpContextAccessor>(), sp.GetRequiredService<AuthOptions>(), sp.GetRequiredService<ServiceCatalog>())));
}
