using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.DataSharing;
using ShenHou.Domain.People;

namespace ShenHou.Tests.DataSharing;

/// <summary>The HTTP adapters against a real loopback server: what each kind of answer or failure becomes.</summary>
public sealed class HttpRegistryTests
{
    private const string Id = "620102194805120133";   // 李德明 in the demo set; any valid number would do
    private const string PersonJson = """
        {"idNumber":"620102194805120133","name":"李德明","gender":"Male","ethnicity":"汉族",
         "householdAddress":"甘肃省兰州市城关区酒泉路123号","deceased":true}
        """;

    private static RequestDelegate Answer(string body, int status = 200, string type = "application/json; charset=utf-8") =>
        async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = type;
            await context.Response.WriteAsync(body);
        };

    private static RequestDelegate Status(int status) => context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    };

    private static async Task<RegistryUnavailableException> Unavailable(Uri baseUrl, IDictionary<string, string?>? overrides = null)
    {
        await using var services = RegistryHarness.Services(baseUrl, overrides);
        var registry = services.GetRequiredService<IPopulationRegistry>();
        return await Assert.ThrowsAsync<RegistryUnavailableException>(() => registry.FindAsync(Id, CancellationToken.None));
    }

    [Fact]
    public async Task Ok_answer_becomes_the_record()
    {
        await using var server = await LoopbackServer.StartAsync(Answer(PersonJson));
        await using var services = RegistryHarness.Services(server.BaseUrl);

        var person = await services.GetRequiredService<IPopulationRegistry>().FindAsync(Id, CancellationToken.None);

        Assert.IsType<HttpPopulationRegistry>(services.GetRequiredService<IPopulationRegistry>());
        Assert.Equal(new PersonRecord(Id, "李德明", Gender.Male, "汉族", "甘肃省兰州市城关区酒泉路123号", true), person);
        Assert.Equal([$"/people/{Id}"], server.Paths);
    }

    [Fact]
    public async Task Death_and_social_security_read_their_own_resources()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path.StartsWithSegments("/death-certificates")
            ? Answer($$"""{"idNumber":"{{Id}}","name":"李德明","certificateNumber":"620102202611270041","diedAt":"2026-11-27T03:40:00+08:00","issuedBy":"兰州大学第一医院"}""")(context)
            : Answer($$"""{"idNumber":"{{Id}}","name":"李德明","cardIssued":true,"cardActive":true,"accountActive":true,"cardNumberMasked":"621700******4821"}""")(context));
        await using var services = RegistryHarness.Services(server.BaseUrl);

        var death = await services.GetRequiredService<IDeathRegistry>().FindAsync(Id, CancellationToken.None);
        var card = await services.GetRequiredService<ISocialSecurityRegistry>().FindAsync(Id, CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 3, 40, 0, TimeSpan.FromHours(8)), death!.DiedAt);
        Assert.Equal("兰州大学第一医院", death.IssuedBy);
        Assert.Equal(new SocialSecurityRecord(Id, "李德明", true, true, true, "621700******4821"), card);
        Assert.Equal([$"/death-certificates/{Id}", $"/social-security/{Id}"], server.Paths);
    }

    [Fact]
    public async Task Not_found_is_null_and_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync(Status(404));
        await using var services = RegistryHarness.Services(server.BaseUrl);

        Assert.Null(await services.GetRequiredService<IPopulationRegistry>().FindAsync(Id, CancellationToken.None));
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Server_error_is_retried_then_unavailable()
    {
        await using var server = await LoopbackServer.StartAsync(Status(500));

        var e = await Unavailable(server.BaseUrl);

        Assert.Equal(RegistryNames.Population, e.Registry);
        Assert.Equal("HTTP 500", e.Reason);
        Assert.Equal(1 + RegistryHarness.MaxRetries, server.Requests);
    }

    [Fact]
    public async Task A_transient_failure_is_recovered_by_a_retry()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
            Interlocked.Increment(ref calls) == 1 ? Status(503)(context) : Answer(PersonJson)(context));
        await using var services = RegistryHarness.Services(server.BaseUrl);

        var person = await services.GetRequiredService<IPopulationRegistry>().FindAsync(Id, CancellationToken.None);

        Assert.Equal("李德明", person!.Name);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        var never = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(context => never.Task.WaitAsync(context.RequestAborted));

        // Each attempt times out; the total budget is generous so that every retry is sent even on a
        // busy machine: the outcome does not depend on how fast the machine is.
        var e = await Unavailable(server.BaseUrl, new Dictionary<string, string?>
        {
            ["DataSharing:Resilience:AttemptTimeout"] = "00:00:00.200",
            ["DataSharing:Resilience:TotalTimeout"] = "00:00:10",
        });

        Assert.Equal("timed out", e.Reason);
        Assert.Equal(1 + RegistryHarness.MaxRetries, server.Requests);
    }

    [Fact]
    public async Task A_garbage_body_is_unavailable()
    {
        await using var server = await LoopbackServer.StartAsync(Answer("<html>oops", type: "text/html"));

        var e = await Unavailable(server.BaseUrl);

        Assert.Equal("unreadable JSON", e.Reason);
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData("missing name", """{"idNumber":"620102194805120133","gender":"Male","ethnicity":"汉族","householdAddress":"x","deceased":false}""")]
    [InlineData("null name", """{"idNumber":"620102194805120133","name":null,"gender":"Male","ethnicity":"汉族","householdAddress":"x","deceased":false}""")]
    [InlineData("gender as a number", """{"idNumber":"620102194805120133","name":"李德明","gender":0,"ethnicity":"汉族","householdAddress":"x","deceased":false}""")]
    [InlineData("null document", "null")]
    public async Task A_schema_invalid_answer_is_unavailable(string because, string body)
    {
        await using var server = await LoopbackServer.StartAsync(Answer(body));

        var e = await Unavailable(server.BaseUrl);

        Assert.True(e.Reason is "unreadable JSON" or "empty answer (null)", $"{because}: {e.Reason}");
    }

    [Fact]
    public async Task An_answer_about_someone_else_is_unavailable()
    {
        var other = CitizenId.Compose("620102", new DateOnly(1975, 9, 3), 31);
        await using var server = await LoopbackServer.StartAsync(Answer(PersonJson.Replace(Id, other, StringComparison.Ordinal)));

        var e = await Unavailable(server.BaseUrl);

        Assert.Equal("the answer is about another ID number", e.Reason);
    }

    [Fact]
    public async Task An_unmasked_card_number_is_refused()
    {
        await using var server = await LoopbackServer.StartAsync(Answer(
            $$"""{"idNumber":"{{Id}}","name":"李德明","cardIssued":true,"cardActive":true,"accountActive":true,"cardNumberMasked":"6217001234564821"}"""));
        await using var services = RegistryHarness.Services(server.BaseUrl);

        var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() =>
            services.GetRequiredService<ISocialSecurityRegistry>().FindAsync(Id, CancellationToken.None));

        Assert.Equal(RegistryNames.SocialSecurity, e.Registry);
        Assert.Equal("invalid answer: card number is not masked", e.Reason);
    }

    [Fact]
    public async Task A_registry_that_is_down_is_unavailable()
    {
        var e = await Unavailable(LoopbackServer.ClosedPort());

        Assert.StartsWith("connection failed", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures()
    {
        await using var server = await LoopbackServer.StartAsync(Status(500));
        await using var services = RegistryHarness.Services(server.BaseUrl, new Dictionary<string, string?>
        {
            ["DataSharing:Resilience:CircuitMinimumThroughput"] = "3",
            ["DataSharing:Resilience:CircuitFailureRatio"] = "1.0",
        });
        var registry = services.GetRequiredService<IPopulationRegistry>();

        var first = await Assert.ThrowsAsync<RegistryUnavailableException>(() => registry.FindAsync(Id, CancellationToken.None));
        // Resolved again, same named client and pipeline: the breaker's state is shared.
        var second = await Assert.ThrowsAsync<RegistryUnavailableException>(() =>
            services.GetRequiredService<IPopulationRegistry>().FindAsync(Id, CancellationToken.None));

        Assert.Equal("HTTP 500", first.Reason);
        Assert.Equal("circuit open after repeated failures", second.Reason);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task Without_a_base_url_each_registry_is_simulated()
    {
        var configuration = new ConfigurationBuilder().Build();
        await using var services = new ServiceCollection().AddLogging().AddDataSharing(configuration).BuildServiceProvider();

        Assert.IsType<SimulatedPopulationRegistry>(services.GetRequiredService<IPopulationRegistry>());
        Assert.IsType<SimulatedDeathRegistry>(services.GetRequiredService<IDeathRegistry>());
        Assert.IsType<SimulatedSocialSecurityRegistry>(services.GetRequiredService<ISocialSecurityRegistry>());
    }

    [Fact]
    public async Task Each_registry_is_chosen_on_its_own()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataSharing:DeathRegistry:BaseUrl"] = "http://127.0.0.1:9/registry" })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddDataSharing(configuration).BuildServiceProvider();

        Assert.IsType<SimulatedPopulationRegistry>(services.GetRequiredService<IPopulationRegistry>());
        Assert.IsType<HttpDeathRegistry>(services.GetRequiredService<IDeathRegistry>());
        Assert.Equal(new Uri("http://127.0.0.1:9/registry/"),
            DataSharingSetup.BaseUrl(configuration, RegistryNames.Death));
    }

    [Fact]
    public void A_base_url_that_is_not_http_fails_at_registration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataSharing:PopulationRegistry:BaseUrl"] = "registry.local" })
            .Build();

        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddDataSharing(configuration));
    }
}
