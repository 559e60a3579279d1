using Bogus;
using Bogus.DataSets;

namespace ShenHou.Api.Demo;

/// <summary>
/// One demo case's source of chance: Bogus's seeded randomizer and its zh_CN names. Lighter than a
/// whole <see cref="Faker"/> (which builds every data set) and just as deterministic.
/// </summary>
internal sealed class DemoDice
{
    public DemoDice(int seed)
    {
        Random = new Randomizer(seed);
        Name = new Name("zh_CN") { Random = Random };
    }

    public Randomizer Random { get; }

    /// <summary>Bogus's zh_CN names: 100 common surnames, given names of today's young men.</summary>
    public Name Name { get; }

    public T PickRandom<T>(params T[] items) => Random.ArrayElement(items);
}
