using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ShenHou.Api.Access;

/// <summary>
/// The <c>Auth</c> section. With <see cref="Authority"/> set, tokens come from that OIDC provider
/// (its discovery document names the keys). Otherwise they are signed with <see cref="SigningKey"/>
/// (HMAC-SHA256); without one, a random key is made at start-up, so only this process's development
/// tokens are valid.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string? Authority { get; set; }
    public string Issuer { get; set; } = "shenhou";
    public string Audience { get; set; } = "shenhou-api";
    /// <summary>At least 32 bytes of text (UTF-8).</summary>
    public string? SigningKey { get; set; }
    /// <summary>Whether <c>POST /api/dev/tokens</c> issues tokens. Never in production.</summary>
    public bool DevTokens { get; set; }
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);
    /// <summary>The GB/T 2260 code whose holders see every region.</summary>
    public string ProvinceCode { get; set; } = "620000";
    public bool RequireHttpsMetadata { get; set; } = true;

    // Made once, whichever thread asks first: a random key made twice would split the issuer from the validator.
    private readonly Lazy<SymmetricSecurityKey> _key;

    public AuthOptions() => _key = new Lazy<SymmetricSecurityKey>(MakeKey);

    public SymmetricSecurityKey Key => _key.Value;

    private SymmetricSecurityKey MakeKey()
    {
        if (string.IsNullOrEmpty(SigningKey)) return new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        var bytes = Encoding.UTF8.GetBytes(SigningKey);
        if (bytes.Length < 32)
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes long");
        return new SymmetricSecurityKey(bytes);
    }
}
