using Agno.Hooks.Hangfire.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Agno.Hooks.Hangfire.Tests;

/// <summary>The durable queue replaces the in-memory executor: durable mode hosts no in-memory worker.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DurableQueueChoiceTests(PostgresCluster postgres)
{
    [Fact]
    public async Task Durable_mode_registers_and_hosts_no_in_memory_executor_even_when_AgentOS_adds_the_runtime_again()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAgnoHooks().AddDurableBackgroundHooks(d => d.UsePostgreSql("Host=127.0.0.1;Port=1;Username=postgres;Database=postgres"));
        services.AddAgentOS();
        await using var provider = services.BuildServiceProvider();

        provider.GetService<BackgroundHookExecutor>().ShouldBeNull();
        var hosted = provider.GetServices<IHostedService>().ToList();
        hosted.ShouldNotContain(service => service is BackgroundHookExecutor);
        hosted.ShouldContain(service => service is DurableHookServer);
        var queue = provider.GetRequiredService<IBackgroundHookQueue>().ShouldBeOfType<DurableBackgroundHookQueue>();
        provider.GetRequiredService<IBackgroundHookStatistics>().ShouldBeSameAs(queue);
    }

    [Fact]
    public async Task A_durable_host_runs_its_hooks_through_PostgreSQL_with_no_executor_and_counts_them_in_its_statistics()
    {
        var ran = new TaskCompletionSource<BackgroundExecutionInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        var agent = DurableHost.Agent("choice-agent", DurableHost.Hook("choice.Audit", context =>
        {
            ran.TrySetResult(context.RequiredBackgroundExecution);
            return default;
        }));
        await using var host = await DurableHost.StartAsync(postgres.ConnectionString, PostgresCluster.NewSchema(), agent);

        await host.RunAsync("choice-agent");
        await ran.Task.WaitAsync(Waits.Signal);

        host.App.Services.GetService<BackgroundHookExecutor>().ShouldBeNull();
        host.App.Services.GetServices<IHostedService>().ShouldNotContain(service => service is BackgroundHookExecutor);
        var statistics = host.App.Services.GetRequiredService<IBackgroundHookStatistics>().ShouldBeOfType<DurableBackgroundHookQueue>();
        await Waits.UntilAsync(() => statistics.Statistics.Completed == 1, "the durable execution counted as completed");
        statistics.Statistics.Queued.ShouldBe(1);
    }
}
