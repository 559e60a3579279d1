namespace ShenHou.Api.Infrastructure;

/// <summary>
/// The clock the service's own rules read (deadlines, case numbers, validation). It is a
/// TimeProvider of its own type so that tests can set it without also moving the frameworks'
/// timers and leases (Marten's async daemon, Wolverine's agents), which read the plain TimeProvider.
/// </summary>
public sealed class ServiceClock(TimeProvider source) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => source.GetUtcNow();
    public override TimeZoneInfo LocalTimeZone => source.LocalTimeZone;
}
