using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;

namespace ShenHou.Api.Infrastructure;

/// <summary>Who is acting, and when, for the events a request writes.</summary>
internal static class Stamps
{
    /// <summary>
    /// Until authentication lands the caller names itself in this header; every event records it.
    /// </summary>
    public const string ActorHeader = "X-Actor";
    public const string Anonymous = "anonymous";

    public static Stamp For(HttpContext context, ServiceClock clock)
    {
        var actor = context.Request.Headers[ActorHeader].ToString().Trim();
        return new Stamp(actor.Length == 0 ? Anonymous : actor[..Math.Min(actor.Length, 200)], clock.GetUtcNow());
    }
}
