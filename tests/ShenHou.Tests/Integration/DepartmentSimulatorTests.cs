using Alba;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.Demo;
using ShenHou.Api.Integration.Simulator;
using ShenHou.Domain.Cases;
using ShenHou.Tests.Support;
using Wolverine;
using Wolverine.Tracking;

namespace ShenHou.Tests.Integration;

/// <summary>
/// The embedded default's department simulator, turned on here (it is off in tests otherwise): a case
/// accepted at the window runs to ready-for-delivery with nobody at the departments.
/// </summary>
public sealed class DepartmentSimulatorTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task with_the_simulator_on_an_accepted_case_runs_to_ready_for_delivery_by_itself()
    {
        await using var host = await SimulatorHost();
        var api = new CaseApi(host);

        var id = Guid.Empty;
        await host.TrackActivity().Timeout(TimeSpan.FromSeconds(120))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
                id = await api.SubmitAndAccept(Forms.For("DEATH_CERT", "HUKOU_CANCEL", "CREMATION_CERT", "DRIVING_LICENSE_CANCEL"))));

        var details = await api.Get(id);
        Assert.Equal(CaseStatus.ReadyForDelivery, details.Status);
        Assert.All(details.Items, i => Assert.Equal(ItemStatus.Issued, i.Status));
        var history = (await api.History(id)).Events;
        Assert.Equal(["platform:CIVIL_AFFAIRS", "platform:HEALTH", "platform:PUBLIC_SECURITY"],
            history.Where(e => e.Type == nameof(ItemIssued)).Select(e => e.Actor).Distinct().Order());
        await api.Deliver(id); // the window hands everything out
    }

    [Fact]
    public async Task the_simulator_leaves_the_demo_seeders_cases_to_its_reviewers()
    {
        await using var host = await SimulatorHost();
        var api = new CaseApi(host);
        var created = await api.Submit(Forms.For("DEATH_CERT"));
        await api.VerifyAll(created.Id);
        host.Services.GetRequiredService<DemoCases>().Add(created.Id);

        await host.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => api.Accept(created.Id)));

        Assert.Equal(ItemStatus.Transferred, (await api.Get(created.Id)).Items.Single().Status);
    }

    /// <summary>Every department simulated, answering at once; its callbacks go to this test server.</summary>
    private async Task<IAlbaHost> SimulatorHost()
    {
        IAlbaHost? host = null;
        host = await AppFixture.StartHost(new TestClock(AppFixture.Start),
        [
            ("ConnectionStrings:shenhou", Fixture.ConnectionString),
            ("Integration:Simulator:Enabled", "true"),
            ("Integration:Simulator:Delay", "00:00:00"),
        ], services => services.AddHttpClient(DepartmentSimulator.CallbackClient, c => c.BaseAddress = new Uri("http://localhost/"))
            .ConfigurePrimaryHttpMessageHandler(() => host!.Server.CreateHandler()));
        return host;
    }
}
