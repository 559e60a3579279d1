namespace ShenHou.Domain.Cases;

/// <summary>
/// A command the case's state does not allow. The API answers 409 with both texts; nothing is written.
/// </summary>
public sealed class CaseRuleViolation(string rule, string chinese, string english)
    : Exception($"{chinese} / {english}")
{
    /// <summary>A stable machine-readable name of the broken rule, e.g. <c>item-waiting</c>.</summary>
    public string Rule { get; } = rule;
    public string Chinese { get; } = chinese;
    public string English { get; } = english;
}

/// <summary>Who caused an event and when; every decision takes one.</summary>
public readonly record struct Stamp(string Actor, DateTimeOffset At);

/// <summary>What a registry said about one shared material: vouched (with its evidence) or why not.</summary>
public sealed record SharingOutcome(bool Vouched, string Detail);
