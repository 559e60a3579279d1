using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ShenHou.Api.Integration;

/// <summary>What checking a signed request found.</summary>
public enum SignatureCheck { Valid, Missing, BadTimestamp, Stale, Forged }

/// <summary>
/// Requests between the service and a department's platform, both ways, carry
/// <c>X-ShenHou-Timestamp</c> (Unix seconds) and <c>X-ShenHou-Signature: sha256=&lt;hex&gt;</c>, an
/// HMAC-SHA256 with the department's key over the timestamp, a dot and the raw body. The receiver
/// refuses a timestamp outside its tolerance, so a captured request cannot be sent again later;
/// inside the window a repeat is harmless because the push id and the result id make both sides
/// idempotent.
/// </summary>
public static class DepartmentSignature
{
    public const string TimestampHeader = "X-ShenHou-Timestamp";
    public const string SignatureHeader = "X-ShenHou-Signature";
    private const string Prefix = "sha256=";

    public static string Sign(string key, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "."));
        hmac.AppendData(body);
        return Prefix + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Signs <paramref name="body"/> as of <paramref name="now"/> and sets both headers.</summary>
    public static void Apply(HttpRequestMessage request, string key, DateTimeOffset now, byte[] body)
    {
        var timestamp = now.ToUnixTimeSeconds();
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, Sign(key, timestamp, body));
    }

    public static SignatureCheck Verify(string key, string? timestamp, string? signature, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return SignatureCheck.Missing;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return SignatureCheck.BadTimestamp;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance) return SignatureCheck.Stale;
        var expected = Encoding.ASCII.GetBytes(Sign(key, seconds, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Forged;
    }
}
