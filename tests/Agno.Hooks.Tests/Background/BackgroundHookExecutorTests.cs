using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using System.Diagnostics.Metrics;

namespace Agno.Hooks.Tests.Background;

public sealed class BackgroundHookExecutorTests
{
    private static readonly Agent Owner = new("executor-test");

    private static BackgroundHookWorkItem Item(HookDescriptor hook, string runId = "run-1")
    {
        var run = new RunContext(runId, "session-1");
        return new BackgroundHookWorkItem(hook, new HookContext(HookStage.Pre, Owner, run, new RunInput("Hi"), null, EmptyServiceProvider.Instance, CancellationToken.None));
    }

    private static HookDescriptor Hook(string name, Func<HookContext, ValueTask> body) =>
        new(name, c => body(c), [TestHooks.InputParameter]);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_hanging_hook_is_cancelled_at_its_timeout_and_counted(bool honoursItsToken)
    {
        var time = new FakeTimeProvider();
        await using var host = HookTestHost.Create(o => o.HookTimeout = TimeSpan.FromSeconds(5), s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        var started = new TaskCompletionSource();
        var never = new TaskCompletionSource();
        await host.Executor.EnqueueAsync(Item(Hook("hangs", async c =>
        {
            started.SetResult();
            await (honoursItsToken ? Task.Delay(Timeout.Infinite, c.CancellationToken) : never.Task);
        })));

        await started.Task.WaitAsync(ExecutionRecorder.Patience);
        time.Advance(TimeSpan.FromSeconds(5));
        var execution = (await host.Executions.WaitForAsync(1)).Single();

        execution.Status.ShouldBe(BackgroundHookStatus.TimedOut);
        host.Executor.Statistics.TimedOut.ShouldBe(1);
        host.Executor.Statistics.Running.ShouldBe(0);
        host.Messages(LogLevel.Warning).ShouldContain(m => m.Contains("'hangs'") && m.Contains("timed out"));
    }

    [Fact]
    public async Task A_hook_just_under_its_timeout_completes()
    {
        var time = new FakeTimeProvider();
        await using var host = HookTestHost.Create(o => o.HookTimeout = TimeSpan.FromSeconds(5), s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await host.Executor.EnqueueAsync(Item(Hook("slow", async c =>
        {
            started.SetResult();
            await release.Task.WaitAsync(c.CancellationToken);
        })));

        await started.Task.WaitAsync(ExecutionRecorder.Patience);
        time.Advance(TimeSpan.FromSeconds(4.9));
        release.SetResult();

        (await host.Executions.WaitForAsync(1)).Single().Status.ShouldBe(BackgroundHookStatus.Completed);
    }

    [Fact]
    public async Task Stopping_drains_every_queued_and_running_hook()
    {
        const int count = 40;
        await using var host = HookTestHost.Create(o => { o.MaxConcurrency = 2; o.QueueCapacity = count; });
        var gate = new TaskCompletionSource();
        var ran = 0;
        for (var i = 0; i < count; i++)
        {
            await host.Executor.EnqueueAsync(Item(Hook($"slow-{i}", async _ =>
            {
                await gate.Task;
                Interlocked.Increment(ref ran);
            })));
        }

        var stopping = host.Executor.StopAsync(CancellationToken.None);
        stopping.IsCompleted.ShouldBeFalse();
        gate.SetResult();
        await stopping.WaitAsync(ExecutionRecorder.Patience);

        ran.ShouldBe(count);
        host.Executor.Statistics.Completed.ShouldBe(count);
        host.Executor.Statistics.Abandoned.ShouldBe(0);
        host.Messages(LogLevel.Information).ShouldContain(m => m.Contains($"{count} executions finished, none abandoned"));
    }

    [Fact]
    public async Task Past_the_shutdown_deadline_running_hooks_are_cancelled_and_queued_ones_counted_as_abandoned()
    {
        await using var host = HookTestHost.Create(o => o.MaxConcurrency = 1);
        var started = new TaskCompletionSource();
        await host.Executor.EnqueueAsync(Item(Hook("stuck", async c =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, c.CancellationToken);
        })));
        await host.Executor.EnqueueAsync(Item(Hook("never-started", _ => default)));
        await started.Task.WaitAsync(ExecutionRecorder.Patience);

        await host.Executor.StopAsync(new CancellationToken(canceled: true)).WaitAsync(ExecutionRecorder.Patience);

        var statistics = host.Executor.Statistics;
        statistics.Cancelled.ShouldBe(1);
        statistics.Abandoned.ShouldBe(1);
        host.Messages(LogLevel.Error).ShouldContain(m => m.Contains("2 background hook executions were abandoned"));
    }

    [Fact]
    public async Task A_full_queue_makes_the_producer_wait_and_loses_nothing()
    {
        await using var host = HookTestHost.Create(o => { o.MaxConcurrency = 1; o.QueueCapacity = 2; });
        var gate = new TaskCompletionSource();
        var firstStarted = new TaskCompletionSource();
        HookDescriptor Blocking(string name) => Hook(name, async _ =>
        {
            firstStarted.TrySetResult();
            await gate.Task;
        });

        await host.Executor.EnqueueAsync(Item(Blocking("1")));
        await firstStarted.Task.WaitAsync(ExecutionRecorder.Patience);
        await host.Executor.EnqueueAsync(Item(Blocking("2")));
        await host.Executor.EnqueueAsync(Item(Blocking("3")));
        var fourth = host.Executor.EnqueueAsync(Item(Blocking("4")));

        fourth.IsCompleted.ShouldBeFalse();
        host.Executor.QueueLength.ShouldBe(2);
        gate.SetResult();
        await fourth.AsTask().WaitAsync(ExecutionRecorder.Patience);
        var executions = await host.Executions.WaitForAsync(4);

        executions.Select(e => e.HookName).Order().ShouldBe(["1", "2", "3", "4"]);
        host.Executor.Statistics.Queued.ShouldBe(4);
        host.Executor.Statistics.Refused.ShouldBe(0);
    }

    [Fact]
    public async Task Once_stopping_it_refuses_new_work_and_counts_the_refusal()
    {
        await using var host = HookTestHost.Create();
        await host.Executor.StopAsync(CancellationToken.None);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => host.Executor.EnqueueAsync(Item(Hook("late", _ => default), "run-late")).AsTask());

        error.Message.ShouldContain("'late'");
        error.Message.ShouldContain("run-late");
        host.Executor.Statistics.Refused.ShouldBe(1);
    }

    [Fact]
    public async Task Each_execution_gets_its_own_di_scope()
    {
        await using var host = HookTestHost.Create(configure: null, s => s.AddScoped<ScopeProbe>());
        var probes = new System.Collections.Concurrent.ConcurrentBag<(ScopeProbe First, ScopeProbe Second)>();
        var hook = new HookDescriptor("scoped", c =>
        {
            probes.Add((c.Services.GetRequiredService<ScopeProbe>(), c.Services.GetRequiredService<ScopeProbe>()));
            return default;
        }, [TestHooks.InputParameter, new HookParameter("probe", HookParameterKind.Service, typeof(ScopeProbe))]);

        await host.Executor.EnqueueAsync(Item(hook));
        await host.Executor.EnqueueAsync(Item(hook));
        await host.Executions.WaitForAsync(2);

        var pairs = probes.ToArray();
        pairs.Length.ShouldBe(2);
        pairs.ShouldAllBe(p => ReferenceEquals(p.First, p.Second));
        pairs[0].First.ShouldNotBeSameAs(pairs[1].First);
        pairs.ShouldAllBe(p => p.First.Disposed);
    }

    [Fact]
    public async Task Disposing_an_executor_used_without_a_host_drains_the_queue()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        var ran = 0;
        var executor = new BackgroundHookExecutor(Microsoft.Extensions.Options.Options.Create(new AgnoHooksOptions { MaxConcurrency = 1 }), services.GetRequiredService<IServiceScopeFactory>());
        await using (executor)
        {
            for (var i = 0; i < 10; i++)
            {
                await executor.EnqueueAsync(Item(Hook($"h{i}", async _ =>
                {
                    await Task.Yield();
                    Interlocked.Increment(ref ran);
                })));
            }
        }

        ran.ShouldBe(10);
        executor.Statistics.Completed.ShouldBe(10);
    }

    [Fact]
    public async Task Disposing_the_container_runs_hooks_that_need_no_services_and_explains_why_the_others_fail()
    {
        var host = HookTestHost.Create(o => o.MaxConcurrency = 1, s => s.AddSingleton<ScopeProbe>());
        var executor = host.Executor;
        var gate = new TaskCompletionSource();
        var ran = new List<string>();
        await executor.EnqueueAsync(Item(Hook("first", async _ => await gate.Task)));
        await executor.EnqueueAsync(Item(Hook("plain", _ =>
        {
            ran.Add("plain");
            return default;
        })));
        await executor.EnqueueAsync(Item(new HookDescriptor("needs-a-service", c =>
        {
            ran.Add(c.Services.GetRequiredService<ScopeProbe>().ToString()!);
            return default;
        }, [new HookParameter("probe", HookParameterKind.Service, typeof(ScopeProbe))])));

        var disposing = host.Services.DisposeAsync().AsTask();
        gate.SetResult();
        await disposing.WaitAsync(ExecutionRecorder.Patience);

        ran.ShouldBe(["plain"]);
        var failed = host.Executions.Executions.Single(e => e.HookName == "needs-a-service");
        failed.Status.ShouldBe(BackgroundHookStatus.Failed);
        failed.Error!.ShouldContain("Stop the host");
    }

    [Fact]
    public async Task Metrics_count_queued_completed_failed_and_timed_out_executions()
    {
        var time = new FakeTimeProvider();
        await using var host = HookTestHost.Create(o => o.HookTimeout = TimeSpan.FromSeconds(1), s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var queued = new MetricCollector<long>(meters, AgnoHooksTelemetry.Name, "agno.hooks.background.queued");
        using var completed = new MetricCollector<long>(meters, AgnoHooksTelemetry.Name, "agno.hooks.background.completed");
        using var failed = new MetricCollector<long>(meters, AgnoHooksTelemetry.Name, "agno.hooks.background.failed");
        using var timedOut = new MetricCollector<long>(meters, AgnoHooksTelemetry.Name, "agno.hooks.background.timed_out");
        using var duration = new MetricCollector<double>(meters, AgnoHooksTelemetry.Name, "agno.hooks.background.duration");
        var hangStarted = new TaskCompletionSource();

        await host.Executor.EnqueueAsync(Item(Hook("ok", _ => default)));
        await host.Executor.EnqueueAsync(Item(Hook("bad", _ => throw new InvalidOperationException("bad"))));
        await host.Executions.WaitForAsync(2);
        await host.Executor.EnqueueAsync(Item(Hook("hang", async c =>
        {
            hangStarted.SetResult();
            await Task.Delay(Timeout.Infinite, c.CancellationToken);
        })));
        await hangStarted.Task.WaitAsync(ExecutionRecorder.Patience);
        time.Advance(TimeSpan.FromSeconds(1));
        await host.Executions.WaitForAsync(1);

        queued.GetMeasurementSnapshot().EvaluateAsCounter().ShouldBe(3);
        completed.LastMeasurement!.Tags[AgnoHooksTelemetry.HookNameTag].ShouldBe("ok");
        completed.GetMeasurementSnapshot().EvaluateAsCounter().ShouldBe(1);
        failed.LastMeasurement!.Tags[AgnoHooksTelemetry.HookNameTag].ShouldBe("bad");
        timedOut.LastMeasurement!.Tags[AgnoHooksTelemetry.HookNameTag].ShouldBe("hang");
        duration.GetMeasurementSnapshot().Select(m => m.Tags[AgnoHooksTelemetry.HookStatusTag]).Order().ShouldBe(["completed", "failed", "timed_out"]);
    }

    [Fact]
    public async Task The_queue_length_gauge_reports_waiting_executions()
    {
        await using var host = HookTestHost.Create(o => o.MaxConcurrency = 1);
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var length = new MetricCollector<int>(meters, AgnoHooksTelemetry.Name, "agno.hooks.background.queue_length");
        var gate = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        await host.Executor.EnqueueAsync(Item(Hook("blocker", async _ =>
        {
            started.TrySetResult();
            await gate.Task;
        })));
        await started.Task.WaitAsync(ExecutionRecorder.Patience);
        await host.Executor.EnqueueAsync(Item(Hook("waiting-1", _ => default)));
        await host.Executor.EnqueueAsync(Item(Hook("waiting-2", _ => default)));

        length.RecordObservableInstruments();
        length.LastMeasurement!.Value.ShouldBe(2);
        gate.SetResult();
        await host.Executions.WaitForAsync(3);
    }

    private sealed class ScopeProbe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
