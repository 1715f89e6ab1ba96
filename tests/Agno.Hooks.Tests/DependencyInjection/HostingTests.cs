using Agno.Hooks.Testing;
using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.DependencyInjection;

public sealed class HostingTests
{
    [Fact]
    public async Task Stopping_the_host_drains_every_background_hook_of_every_run()
    {
        const int runs = 15;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAgnoHooks(o => o.MaxConcurrency = 2);
        var ran = 0;
        var gate = new TaskCompletionSource();
        var agent = new Agent("drained") { Model = new OfflineChatClient() };
        agent.PostHooks.Add(PostAsync("slow", async _ =>
        {
            await gate.Task;
            Interlocked.Increment(ref ran);
        }, background: true));
        builder.Services.AddAgent(agent);
        builder.Services.AddBackgroundRoundTrip();
        using var host = builder.Build();
        await host.StartAsync();
        for (var i = 0; i < runs; i++)
        {
            await agent.RunAsync($"run {i}");
        }

        var stopping = host.StopAsync();
        gate.SetResult();
        await stopping.WaitAsync(ExecutionRecorder.Patience);

        ran.ShouldBe(runs);
        host.Services.GetRequiredService<BackgroundHookExecutor>().Statistics.Abandoned.ShouldBe(0);
        host.Services.GetRequiredService<RoundTripQueue>().RoundTrips.ShouldBe(runs);
    }

    [Fact]
    public void Options_bind_from_the_agno_hooks_configuration_section()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgnoHooks:RunHooksInBackground"] = "true",
            ["AgnoHooks:QueueCapacity"] = "7",
            ["AgnoHooks:MaxConcurrency"] = "3",
            ["AgnoHooks:HookTimeout"] = "00:00:09",
        });
        builder.Services.AddAgnoHooks(o => o.MaxConcurrency = 5);
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<AgnoHooksOptions>>().Value;

        options.RunHooksInBackground.ShouldBeTrue();
        options.QueueCapacity.ShouldBe(7);
        options.MaxConcurrency.ShouldBe(5);
        options.HookTimeout.ShouldBe(TimeSpan.FromSeconds(9));
    }

    [Fact]
    public void Code_wins_over_configuration_even_when_the_runtime_is_added_again_later()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgnoHooks:MaxConcurrency"] = "3",
            ["AgnoHooks:HookTimeout"] = "00:00:09",
        });
        builder.Services.AddAgnoHooks(o => o.HookTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddAgnoHooks();   // as AddAgentOS does
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<AgnoHooksOptions>>().Value;

        options.HookTimeout.ShouldBe(TimeSpan.FromSeconds(2));
        options.MaxConcurrency.ShouldBe(3);
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_at_start_with_every_problem_listed()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAgnoHooks(o =>
        {
            o.QueueCapacity = 0;
            o.HookTimeout = TimeSpan.Zero;
        });
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Failures.Count().ShouldBe(2);
        error.Message.ShouldContain("QueueCapacity");
        error.Message.ShouldContain("HookTimeout");
    }

    [Fact]
    public async Task Timeouts_longer_than_a_timer_can_wait_stop_the_host_at_start()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAgnoHooks(o =>
        {
            o.HookTimeout = TimeSpan.FromDays(60);
            o.DrainTimeout = TimeSpan.FromDays(60);
        });
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Failures.Count().ShouldBe(2);
        error.Message.ShouldContain("HookTimeout must be positive and at most 49.17:02:47.294");
        error.Message.ShouldContain("DrainTimeout");
    }

    [Fact]
    public void Adding_the_runtime_twice_registers_one_executor()
    {
        var services = new ServiceCollection().AddAgnoHooks().Services.AddAgnoHooks().Services;

        services.Count(d => d.ServiceType == typeof(BackgroundHookExecutor)).ShouldBe(1);
        services.Count(d => d.ServiceType == typeof(IHostedService)).ShouldBe(2);
    }

    [Fact]
    public async Task An_added_agent_gets_the_containers_services()
    {
        await using var services = new ServiceCollection().AddAgnoHooks().Services.AddAgent(new Agent("registered") { Model = new OfflineChatClient() }).BuildServiceProvider();

        var agent = services.GetRequiredService<Agent>();

        agent.Services.ShouldNotBeNull().GetRequiredService<BackgroundHookExecutor>().ShouldBeSameAs(services.GetRequiredService<BackgroundHookExecutor>());
        services.GetServices<IHookOwner>().ShouldBe([agent]);
    }
}
