using ShenHou.Api.Audit;

namespace ShenHou.Tests.Audit;

/// <summary>The same event gives the same bytes whether serialised by .NET or read back from jsonb.</summary>
public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("""{ "b": 1, "a": { "d": [3, 2], "c": null } }""", """{"a":{"c":null,"d":[3,2]},"b":1}""")]
    [InlineData("""{"name":"\u5f20\u4f1f"}""", """{"name":"张伟"}""")]
    [InlineData("""{"n":1E+2,"m":1.50,"k":-0.0}""", """{"k":0.0,"m":1.50,"n":100}""")]
    [InlineData("""{"B":1,"a":2,"_":3}""", """{"B":1,"_":3,"a":2}""")]
    public void members_are_sorted_whitespace_dropped_and_values_normalised(string json, string canonical) =>
        Assert.Equal(canonical, CanonicalJson.Canonicalise(json));

    private static readonly string M = EventHashes.Metadata("c-1", null, new Dictionary<string, object> { ["role"] = "Window" });

    [Fact]
    public void the_hash_covers_every_part()
    {
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8));
        var baseline = EventHashes.Compute(EventHashes.Genesis, id, 1, "case_submitted", "window-01", at, """{"a":1}""", M);
        Assert.Equal(64, baseline.Length);
        Assert.Equal(baseline, EventHashes.Compute(EventHashes.Genesis, id, 1, "case_submitted", "window-01", at.ToUniversalTime(), """{"a":1}""", M));
        Assert.All(new[]
        {
            EventHashes.Compute(new string('0', 64), id, 1, "case_submitted", "window-01", at, """{"a":1}""", M),
            EventHashes.Compute(EventHashes.Genesis, Guid.NewGuid(), 1, "case_submitted", "window-01", at, """{"a":1}""", M),
            EventHashes.Compute(EventHashes.Genesis, id, 2, "case_submitted", "window-01", at, """{"a":1}""", M),
            EventHashes.Compute(EventHashes.Genesis, id, 1, "case_accepted", "window-01", at, """{"a":1}""", M),
            EventHashes.Compute(EventHashes.Genesis, id, 1, "case_submitted", "window-02", at, """{"a":1}""", M),
            EventHashes.Compute(EventHashes.Genesis, id, 1, "case_submitted", "window-01", at.AddTicks(1), """{"a":1}""", M),
            EventHashes.Compute(EventHashes.Genesis, id, 1, "case_submitted", "window-01", at, """{"a":2}""", M),
            EventHashes.Compute(EventHashes.Genesis, id, 1, "case_submitted", "window-01", at, """{"a":1}""",
                EventHashes.Metadata("c-1", null, new Dictionary<string, object> { ["role"] = "Supervisor" })),
        }, other => Assert.NotEqual(baseline, other));
    }
}
