using System.Collections.Concurrent;

namespace ShenHou.Api.Demo;

/// <summary>
/// The cases the demo seeder filed in this process. The department simulator leaves them to the
/// seeder's own reviewers, so the seeded data stays as its plan says.
/// </summary>
public sealed class DemoCases
{
    private readonly ConcurrentDictionary<Guid, byte> _ids = new();

    public void Add(Guid id) => _ids.TryAdd(id, 0);

    public bool Contains(Guid id) => _ids.ContainsKey(id);
}
