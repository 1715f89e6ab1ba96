using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.Background;

/// <summary><c>using var provider = services.BuildServiceProvider()</c>: a container disposed synchronously, with the executor in it.</summary>
public sealed class ExecutorSyncDisposeTests
{
    [Fact]
    public async Task Disposing_the_container_synchronously_drains_the_hook_a_run_queued_and_refuses_more()
    {
        var executions = new ExecutionRecorder();
        var provider = Container(executions, o => o.RunHooksInBackground = true);
        var executor = provider.GetRequiredService<BackgroundHookExecutor>();
        var ran = 0;
        var agent = new Agent("disposed")
        {
            Model = new OfflineChatClient(),
            Services = provider,
            PostHooks = { PostAsync("audit", async _ =>
            {
                await Task.Yield();
                Interlocked.Increment(ref ran);
            }) },
        };
        await agent.RunAsync("Hello");

        Should.NotThrow(provider.Dispose);

        ran.ShouldBe(1);
        executor.Statistics.Completed.ShouldBe(1);
        executions.Executions.ShouldHaveSingleItem().Status.ShouldBe(BackgroundHookStatus.Completed);
        await Should.ThrowAsync<InvalidOperationException>(async () => await executor.EnqueueAsync(Item(Pre("late", _ => { }))));
        executor.Statistics.Refused.ShouldBe(1);
    }

    [Fact]
    public async Task Past_the_drain_timeout_the_running_hook_is_cancelled_and_the_queued_one_abandoned_both_counted()
    {
        var provider = Container(new ExecutionRecorder(), OneWorkerShortDrain);
        var executor = provider.GetRequiredService<BackgroundHookExecutor>();
        var started = new TaskCompletionSource();
        await executor.EnqueueAsync(Item(PreAsync("hangs", async c =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, c.CancellationToken);
        })));
        await executor.EnqueueAsync(Item(Pre("queued", _ => { })));
        await started.Task.WaitAsync(ExecutionRecorder.Patience);

        await Task.Run(provider.Dispose).WaitAsync(ExecutionRecorder.Patience);

        executor.Statistics.Cancelled.ShouldBe(1);
        executor.Statistics.Abandoned.ShouldBe(1);
        executor.Statistics.Running.ShouldBe(0);
    }

    [Fact]
    public async Task A_hook_that_blocks_and_ignores_its_token_does_not_hold_dispose_and_is_logged()
    {
        var provider = Container(new ExecutionRecorder(), OneWorkerShortDrain);
        var executor = provider.GetRequiredService<BackgroundHookExecutor>();
        var logs = provider.GetFakeLogCollector();
        var started = new TaskCompletionSource();
        using var release = new ManualResetEventSlim();
        await executor.EnqueueAsync(Item(Pre("blocks", _ =>
        {
            started.SetResult();
            release.Wait();
        })));
        await started.Task.WaitAsync(ExecutionRecorder.Patience);

        try
        {
            await Task.Run(provider.Dispose).WaitAsync(ExecutionRecorder.Patience);

            executor.Statistics.Running.ShouldBe(1);
            logs.GetSnapshot().ShouldContain(r => r.Level == LogLevel.Error && r.Message.Contains("disposed with 1 hook executions still running"));
        }
        finally
        {
            release.Set();
        }
    }

    // One worker, so a second hook waits behind the first; a drain timeout that passes while the first still runs.
    private static void OneWorkerShortDrain(AgnoHooksOptions options)
    {
        options.MaxConcurrency = 1;
        options.DrainTimeout = TimeSpan.FromMilliseconds(100);
    }

    private static ServiceProvider Container(ExecutionRecorder executions, Action<AgnoHooksOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<IBackgroundHookObserver>(executions);
        services.AddAgnoHooks(configure);
        return services.BuildServiceProvider();
    }

    private static BackgroundHookWorkItem Item(HookDescriptor hook) =>
        new(hook, new HookContext(HookStage.Pre, new Agent("executor-test"), new RunContext("run-1", "session-1"), new RunInput("Hi"), null, EmptyServiceProvider.Instance, CancellationToken.None));
}
