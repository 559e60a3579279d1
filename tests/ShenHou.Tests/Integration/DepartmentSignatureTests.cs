using System.Globalization;
using System.Text;
using ShenHou.Api.Integration;

namespace ShenHou.Tests.Integration;

/// <summary>HMAC-SHA256 over the timestamp, a dot and the raw body, with the department's key; fresh or refused.</summary>
public sealed class DepartmentSignatureTests
{
    private const string Key = "hrss-platform-key-0123456789abcdef0123";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"resultId":"HRSS-1","outcome":"Approved"}""");

    private static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static SignatureCheck Check(string? timestamp, string? signature, byte[]? body = null) =>
        DepartmentSignature.Verify(Key, timestamp, signature, body ?? Body, Now, Tolerance);

    [Fact]
    public void A_request_signed_with_the_key_now_is_valid()
    {
        var signature = DepartmentSignature.Sign(Key, Now.ToUnixTimeSeconds(), Body);

        Assert.StartsWith("sha256=", signature);
        Assert.Equal(SignatureCheck.Valid, Check(Timestamp(Now), signature));
        Assert.Equal(SignatureCheck.Valid, Check(Timestamp(Now), signature.ToUpperInvariant().Replace("SHA256=", "sha256=")));
    }

    [Fact]
    public void The_signature_is_HMAC_SHA256_over_timestamp_dot_body()
    {
        // What a platform computes with any HMAC library: hex of HMAC-SHA256(key, "<unix seconds>." + body).
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(Key));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash([.. Encoding.ASCII.GetBytes($"{Now.ToUnixTimeSeconds()}."), .. Body]));

        Assert.Equal($"sha256={expected}", DepartmentSignature.Sign(Key, Now.ToUnixTimeSeconds(), Body));
    }

    [Fact]
    public void Another_key_another_body_or_another_timestamp_is_forged()
    {
        var signature = DepartmentSignature.Sign(Key, Now.ToUnixTimeSeconds(), Body);

        Assert.Equal(SignatureCheck.Forged, Check(Timestamp(Now),
            DepartmentSignature.Sign("another-key-0123456789abcdef0123456789", Now.ToUnixTimeSeconds(), Body)));
        Assert.Equal(SignatureCheck.Forged, Check(Timestamp(Now), signature, Encoding.UTF8.GetBytes("""{"resultId":"HRSS-2"}""")));
        Assert.Equal(SignatureCheck.Forged, Check(Timestamp(Now.AddSeconds(1)), signature));
        Assert.Equal(SignatureCheck.Forged, Check(Timestamp(Now), "sha256=00"));
    }

    [Fact]
    public void A_timestamp_outside_the_window_is_stale_either_way()
    {
        foreach (var at in new[] { Now - Tolerance - TimeSpan.FromSeconds(1), Now + Tolerance + TimeSpan.FromSeconds(1) })
            Assert.Equal(SignatureCheck.Stale, Check(Timestamp(at), DepartmentSignature.Sign(Key, at.ToUnixTimeSeconds(), Body)));
        var edge = Now - Tolerance;
        Assert.Equal(SignatureCheck.Valid, Check(Timestamp(edge), DepartmentSignature.Sign(Key, edge.ToUnixTimeSeconds(), Body)));
    }

    [Fact]
    public void Missing_or_unreadable_headers_are_told_apart()
    {
        var signature = DepartmentSignature.Sign(Key, Now.ToUnixTimeSeconds(), Body);

        Assert.Equal(SignatureCheck.Missing, Check(null, signature));
        Assert.Equal(SignatureCheck.Missing, Check(Timestamp(Now), ""));
        Assert.Equal(SignatureCheck.BadTimestamp, Check("2026-12-03T10:00:00+08:00", signature));
        Assert.Equal(SignatureCheck.BadTimestamp, Check("-1", signature));
        Assert.Equal(SignatureCheck.BadTimestamp, Check("99999999999999999", signature));
    }
}
