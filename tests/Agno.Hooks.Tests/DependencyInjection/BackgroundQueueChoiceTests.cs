using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.DependencyInjection;

/// <summary>The builder's queue choice: another queue replaces the in-memory executor instead of sitting beside it.</summary>
public sealed class BackgroundQueueChoiceTests
{
    [Fact]
    public async Task Another_queue_replaces_the_executor_which_is_then_neither_registered_nor_hosted_and_observers_and_counts_still_work()
    {
        var executions = new ExecutionRecorder();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IBackgroundHookObserver>(executions);
        builder.Services.AddAgnoHooks().UseBackgroundQueue(sp => new InvokingQueue(sp.GetRequiredService<BackgroundHookInvoker>()));
        builder.Services.AddAgnoHooks();   // as AddAgentOS does, after the choice: the executor does not come back
        var agent = new Agent("queued") { Model = new OfflineChatClient(), PostHooks = { Post("audit", _ => { }, background: true) } };
        builder.Services.AddAgent(agent);
        using var host = builder.Build();
        await host.StartAsync();

        host.Services.GetService<BackgroundHookExecutor>().ShouldBeNull();
        host.Services.GetServices<IHostedService>().ShouldNotContain(service => service is BackgroundHookExecutor);
        var queue = host.Services.GetRequiredService<IBackgroundHookQueue>().ShouldBeOfType<InvokingQueue>();
        host.Services.GetRequiredService<IBackgroundHookStatistics>().ShouldBeSameAs(queue);

        await agent.RunAsync("Hello");

        (await executions.WaitForAsync(1)).ShouldHaveSingleItem().HookName.ShouldBe("audit");
        queue.Statistics.Queued.ShouldBe(1);
        queue.Statistics.Completed.ShouldBe(1);
        await host.StopAsync();
    }

    [Fact]
    public async Task Without_a_choice_the_hosted_executor_is_the_queue()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAgnoHooks();
        using var host = builder.Build();
        await host.StartAsync();

        var executor = host.Services.GetRequiredService<BackgroundHookExecutor>();
        host.Services.GetServices<IHostedService>().ShouldContain(service => ReferenceEquals(service, executor));
        host.Services.GetRequiredService<IBackgroundHookQueue>().ShouldBeSameAs(executor);
        host.Services.GetRequiredService<IBackgroundHookStatistics>().ShouldBeSameAs(executor);
        await host.StopAsync();
    }

    /// <summary>A queue of another kind: runs each execution at once, through the invoker, as a durable queue's job does.</summary>
    private sealed class InvokingQueue(BackgroundHookInvoker invoker) : IBackgroundHookQueue, IBackgroundHookStatistics
    {
        private readonly BackgroundHookCounters _counters = new();

        public BackgroundHookStatistics Statistics => _counters.Statistics;

        public async ValueTask EnqueueAsync(BackgroundHookWorkItem item, CancellationToken cancellationToken = default)
        {
            _counters.Queued();
            _counters.Started();
            var execution = await invoker.ExecuteAsync(item, cancellationToken);
            _counters.Finished(execution.Status);
        }
    }
}
