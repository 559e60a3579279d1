using System.Security.Cryptography;
using System.Text;
using ShenHou.Domain.Cases;

namespace ShenHou.Api.Integration;

/// <summary>
/// A department result the service applied, stored in the same transaction as the events it wrote:
/// a repeat with the same department and result id finds it and gets the same answer.
/// </summary>
public sealed class DepartmentResultReceipt
{
    /// <summary><c>{department}:{resultId}</c>.</summary>
    public string Id { get; set; } = "";
    public string Department { get; set; } = "";
    public string ResultId { get; set; } = "";
    /// <summary>SHA-256 of what the result says, so that a reused id with other content is told apart.</summary>
    public string Fingerprint { get; set; } = "";
    public Guid CaseId { get; set; }
    public DepartmentResultAccepted Answer { get; set; } = null!;
    public DateTimeOffset ReceivedAt { get; set; }

    public static string IdFor(string department, string resultId) => $"{department}:{resultId}";

    public static string FingerprintOf(DepartmentResult r) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\u001f', r.CaseId, r.ItemCode, r.Outcome, r.Reason?.Trim(), r.Reference?.Trim()))));
}
