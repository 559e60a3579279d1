using JasperFx.Events;
using Marten;
using ShenHou.Domain.Cases;

namespace ShenHou.Api.Integration;

/// <summary>
/// Turns every <see cref="ItemTransferred"/> a session is about to commit into a
/// <see cref="DepartmentPush"/> for a connected department, published through the session's own
/// message sink. With Marten integrated into Wolverine that sink is Wolverine's durable outbox
/// enlisted in the session: the envelope row is written in the same PostgreSQL transaction as the
/// events, and handed to the local queue only after the commit. No commit, no push; a commit,
/// and the push survives any crash after it. See docs/adr/0006-department-pushes-in-the-event-transaction.md.
/// </summary>
internal sealed class DepartmentPushOutbox(DepartmentPlatforms platforms) : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        IMessageSink? sink = null;
        foreach (var stream in session.PendingChanges.Streams())
        foreach (var e in stream.Events)
        {
            if (e.Data is not ItemTransferred transfer || !platforms.Connected(transfer.Department)) continue;
            sink ??= await ((IStorageOperations)session).GetOrStartMessageSink();
            await sink.PublishAsync(DepartmentPush.From(e, transfer), session.TenantId);
        }
    }
}
