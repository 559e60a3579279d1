using Marten;

namespace ShenHou.Api.Audit;

/// <summary>The Marten side of the tamper-evident history: the hash table, the listener, the checkpoints.</summary>
public static class TamperEvidence
{
    public static void AddTamperEvidence(this StoreOptions opts)
    {
        opts.Storage.ExtendedSchemaObjects.Add(EventHashes.Table());
        opts.Listeners.Add(new EventHashListener(opts));
        opts.Schema.For<AuditCheckpoint>();
    }
}
