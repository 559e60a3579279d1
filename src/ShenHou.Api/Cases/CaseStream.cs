using JasperFx.Events;
using Marten;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;

namespace ShenHou.Api.Cases;

/// <summary>What every command on a case answers: its new version.</summary>
public sealed record CaseVersion(Guid Id, long Version);

/// <summary>Loading a case for a command and appending what the decision returned.</summary>
internal static class CaseStream
{
    /// <summary>
    /// With a <paramref name="version"/>, the caller's view must still be current (else 409). Without
    /// one, the case's row is locked until commit, so parallel writers to one case queue up instead
    /// of losing each other's events.
    /// </summary>
    public static async Task<IEventStream<Case>> Load(IDocumentSession session, Guid id, long? version, CancellationToken ct)
    {
        var stream = version is null
            ? await session.Events.FetchForExclusiveWriting<Case>(id, ct)
            : await session.Events.FetchForWriting<Case>(id, ct);
        if (stream.Aggregate is null)
            throw NotFoundException.Case(id);
        if (version is not null && version != stream.CurrentVersion)
            throw new StaleVersionException(version.Value, stream.CurrentVersion ?? 0);
        return stream;
    }

    public static Case RequireItem(this IEventStream<Case> stream, string itemCode)
    {
        if (!stream.Aggregate!.Items.ContainsKey(itemCode))
            throw NotFoundException.Item(itemCode);
        return stream.Aggregate;
    }

    public static Case RequireMaterial(this IEventStream<Case> stream, string materialCode)
    {
        if (!stream.Aggregate!.Materials.ContainsKey(materialCode))
            throw new NotFoundException($"本办件不需要材料 {materialCode}", $"material {materialCode} is not part of this case");
        return stream.Aggregate;
    }

    /// <summary>Appends the events; the session is committed by Wolverine's transactional middleware.</summary>
    public static CaseVersion Append(this IEventStream<Case> stream, IReadOnlyList<object> events)
    {
        var before = stream.CurrentVersion ?? 0;
        stream.AppendMany(events);
        return new CaseVersion(stream.Id, before + events.Count);
    }

    public static CaseVersion Append(this IEventStream<Case> stream, object @event) => stream.Append([@event]);
}
