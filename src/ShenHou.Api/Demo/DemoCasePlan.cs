using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;

namespace ShenHou.Api.Demo;

/// <summary>Where a demo case is left.</summary>
public enum DemoOutcome
{
    /// <summary>Verified, accepted, every item issued, handed out.</summary>
    Delivered,
    /// <summary>Delivered, with one or two items turned down (with reasons).</summary>
    DeliveredWithRejection,
    /// <summary>One or two correction rounds (一次性告知补正), then delivered.</summary>
    CorrectedThenDelivered,
    /// <summary>Every item finished; not handed out yet.</summary>
    ReadyForDelivery,
    /// <summary>Accepted; some items decided or issued, the rest with the departments (some claimed).</summary>
    InProgress,
    /// <summary>A correction round is open: the family has been told what to bring.</summary>
    AwaitingCorrection,
    /// <summary>Submitted; the window has not verified every material yet.</summary>
    AwaitingVerification,
    /// <summary>Withdrawn before acceptance.</summary>
    WithdrawnAtIntake,
    /// <summary>Withdrawn while the departments were working on it.</summary>
    WithdrawnInProgress,
}

/// <summary>
/// Everything decided up front about one demo case: the form and what the staff will do with it.
/// A pure function of (seed, index, now): the same seed gives the same shapes.
/// </summary>
/// <param name="Clerk">The window staff member (the token's user) who verifies, accepts and delivers.</param>
/// <param name="SubmittedBy">Who submits: the clerk, or the online portal (as a Window user).</param>
/// <param name="KnownToRegistries">The family is one of the registry simulators' demo people.</param>
/// <param name="Rejections">Item to the reason it is turned down.</param>
/// <param name="StopAfter">For cases left in progress: how many decisions and issuances happen before they stop.</param>
/// <param name="ExtensionDays">Working days one item's deadline is extended by (0: none).</param>
public sealed record DemoCasePlan(
    int Index, SubmitCase Form, DemoOutcome Outcome, string Clerk, string SubmittedBy, bool KnownToRegistries,
    IReadOnlyDictionary<string, string> Rejections, int CorrectionRounds, double ClaimChance, int StopAfter,
    int ExtensionDays, string ExtensionReason, DeliveryMethod Delivery, string WithdrawalReason)
{
    /// <summary>What the case is, without names, dates or numbers: compare runs with it.</summary>
    public string Shape =>
        $"{Form.RegionCode} {Form.Channel} {string.Join('+', Form.Items!)} {Outcome}" +
        $" corrections={CorrectionRounds} rejects={string.Join('+', Rejections.Keys.Order(StringComparer.Ordinal))}" +
        (KnownToRegistries ? " registry-people" : "");
}

/// <summary>What the filer did with one case.</summary>
/// <param name="Steps">Each command sent, in order, e.g. "verify APPLICANT_ID", "decide PENSION_SURVIVOR_BENEFIT rejected".</param>
public sealed record FiledCase(
    DemoCasePlan Plan, Guid Id, string CaseNumber, CaseStatus Status, IReadOnlyDictionary<string, ItemStatus> Items,
    IReadOnlyList<string> Steps);

/// <summary>A step of filing a demo case failed: the request, its status and the service's problem text.</summary>
public sealed class DemoFilingException(string message) : Exception(message);

internal static class DemoSeed
{
    /// <summary>Mixes a run's seed with a case index into an independent seed (SplitMix64), stable across processes.</summary>
    public static int Mix(int seed, int index, int stream)
    {
        unchecked
        {
            var z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)index * 0xC2B2AE3D27D4EB4FUL ^ (ulong)stream * 0x165667B19E3779F9UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)((z ^ (z >> 31)) & 0x7FFF_FFFF);
        }
    }
}
