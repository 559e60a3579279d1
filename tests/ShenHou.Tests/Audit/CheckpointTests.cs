using System.Security.Cryptography;
using Alba;
using ShenHou.Api.Audit;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Audit;

/// <summary>A day's Merkle root, stored once and exportable with its leaves.</summary>
public sealed class CheckpointTests(AppFixture app) : AuditTest(app)
{
    private const string Day = "2026-12-03"; // AppFixture.Start's day

    private async Task<AuditCheckpoint> Create(string date = Day)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Auditor());
            s.Post.Url($"/api/audit/checkpoints/{date}");
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsJsonAsync<AuditCheckpoint>())!;
    }

    [Fact]
    public async Task the_root_can_be_recomputed_from_the_exported_leaves_and_a_second_call_returns_it()
    {
        var first = await CaseWithHistory();
        var second = await CaseWithHistory();
        App.Clock.Now = AppFixture.Start.AddDays(1);

        var checkpoint = await Create();
        var events = (await Api.History(first)).Events.Concat((await Api.History(second)).Events).OrderBy(e => e.Sequence).ToArray();
        Assert.Equal(Day, checkpoint.Id);
        Assert.Equal(events.Length, checkpoint.Events);
        Assert.Equal(events.Select(e => e.Sequence), checkpoint.Leaves.Select(l => l.Sequence));
        Assert.Equal(events.Length, await Scalar(
            "select count(*) from shenhou.event_hashes h where h.stream_id = any($1) and h.hash = any($2)",
            new[] { first, second }, checkpoint.Leaves.Select(l => l.Hash).ToArray()));
        Assert.Equal(OutsideRoot(checkpoint.Leaves.Select(l => l.Hash).ToList()), checkpoint.Root);

        App.Clock.Now = AppFixture.Start.AddDays(2);
        var again = await Create();
        Assert.Equal(checkpoint.Root, again.Root);
        Assert.Equal(checkpoint.CreatedAt, again.CreatedAt); // the stored one, not a new one
        var exported = (await new CaseApi(Host).GetAs<AuditCheckpoint>($"/api/audit/checkpoints/{Day}", Staff.Auditor()));
        Assert.Equal(checkpoint.Root, exported.Root);
        Assert.Equal(checkpoint.Leaves, exported.Leaves);
    }

    [Fact]
    public async Task a_day_whose_hashes_changed_after_its_checkpoint_is_a_409()
    {
        var id = await CaseWithHistory();
        App.Clock.Now = AppFixture.Start.AddDays(1);
        await Create();
        await Sql("update shenhou.event_hashes set hash = md5(hash) || md5(hash) where stream_id = $1 and version = 2", id);

        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Auditor());
            s.Post.Url($"/api/audit/checkpoints/{Day}");
            s.StatusCodeShouldBe(409);
        });
        Assert.Contains("checkpoint-mismatch", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task a_day_not_over_a_bad_date_and_a_missing_checkpoint_are_refused()
    {
        await CaseWithHistory();
        await Host.Scenario(s => { s.As(Staff.Auditor()); s.Post.Url($"/api/audit/checkpoints/{Day}"); s.StatusCodeShouldBe(409); });
        await Host.Scenario(s => { s.As(Staff.Auditor()); s.Post.Url("/api/audit/checkpoints/2026-13-40"); s.StatusCodeShouldBe(400); });
        await Host.Scenario(s => { s.As(Staff.Auditor()); s.Get.Url($"/api/audit/checkpoints/{Day}"); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task a_day_without_events_has_the_empty_root()
    {
        App.Clock.Now = AppFixture.Start.AddDays(1);
        var checkpoint = await Create("2026-11-01");
        Assert.Equal(0, checkpoint.Events);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), checkpoint.Root);
    }

    [Fact]
    public void the_merkle_root_pairs_and_duplicates_the_odd_last_node()
    {
        var leaves = Enumerable.Range(1, 5).Select(i => Convert.ToHexStringLower(SHA256.HashData([(byte)i]))).ToList();
        for (var n = 1; n <= leaves.Count; n++)
            Assert.Equal(OutsideRoot(leaves.Take(n).ToList()), MerkleTree.Root(leaves.Take(n)));
        Assert.Equal(leaves[0], MerkleTree.Root(leaves.Take(1)));
    }

    /// <summary>What an outside party would write from the checkpoint's description, independently of the service.</summary>
    private static string OutsideRoot(IReadOnlyList<string> hexLeaves)
    {
        var nodes = hexLeaves.Select(Convert.FromHexString).ToArray();
        while (nodes.Length > 1)
            nodes = Enumerable.Range(0, (nodes.Length + 1) / 2)
                .Select(i => SHA256.HashData(nodes[2 * i].Concat(nodes[Math.Min(2 * i + 1, nodes.Length - 1)]).ToArray()))
                .ToArray();
        return Convert.ToHexStringLower(nodes[0]);
    }
}
