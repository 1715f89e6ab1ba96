using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Agno.Hooks.Tests.Background;

/// <summary>
/// A worker reuses one cancellation source from execution to execution (re-armed, then reset), on the system's
/// timers; with another <see cref="TimeProvider"/> it takes a new one each time. Either way, executions on one
/// worker must not reach each other through it.
/// </summary>
public sealed class WorkerCancellationTests
{
    private static readonly Agent Owner = new("cancellation-test");

    // Real time: long enough that no hook here is cut short by a loaded machine, short enough for a test.
    private static readonly TimeSpan RealTimeout = TimeSpan.FromMilliseconds(300);

    private static BackgroundHookWorkItem Item(HookDescriptor hook) =>
        new(hook, new HookContext(HookStage.Pre, Owner, new RunContext("run-1", "session-1"), new RunInput("Hi"), null, EmptyServiceProvider.Instance, CancellationToken.None));

    private static HookDescriptor Hook(string name, Func<HookContext, ValueTask> body) =>
        new(name, c => body(c), [TestHooks.InputParameter]);

    private static HookDescriptor Sync(string name, Action<HookContext> body) =>
        Hook(name, c =>
        {
            body(c);
            return default;
        });

    [Fact]
    public async Task After_a_timeout_the_workers_next_execution_gets_a_token_of_its_own()
    {
        await using var host = HookTestHost.Create(o => { o.MaxConcurrency = 1; o.HookTimeout = RealTimeout; });
        var tokens = new Dictionary<string, CancellationToken>();
        var cancelledWhileRunning = new List<string>();
        void Seen(string name, HookContext c)
        {
            tokens[name] = c.CancellationToken;
            if (c.CancellationToken.IsCancellationRequested)
            {
                cancelledWhileRunning.Add(name);
            }
        }

        var never = new TaskCompletionSource();
        await host.Executor.EnqueueAsync(Item(Sync("first", c => Seen("first", c))));
        await host.Executor.EnqueueAsync(Item(Sync("second", c => Seen("second", c))));
        await host.Executor.EnqueueAsync(Item(Hook("ignores-its-token", c =>
        {
            Seen("ignores-its-token", c);
            return new ValueTask(never.Task);
        })));
        await host.Executor.EnqueueAsync(Item(Sync("after", c => Seen("after", c))));
        var executions = await host.Executions.WaitForAsync(4);

        executions.Select(e => (e.HookName, e.Status)).ShouldBe(
        [
            ("first", BackgroundHookStatus.Completed),
            ("second", BackgroundHookStatus.Completed),
            ("ignores-its-token", BackgroundHookStatus.TimedOut),
            ("after", BackgroundHookStatus.Completed),
        ]);
        cancelledWhileRunning.ShouldBeEmpty();
        tokens["ignores-its-token"].IsCancellationRequested.ShouldBeTrue("the hook that timed out still holds a cancelled token");
        tokens["after"].ShouldNotBe(tokens["ignores-its-token"]);
        tokens["after"].IsCancellationRequested.ShouldBeFalse();
        host.Executor.Statistics.TimedOut.ShouldBe(1);
        host.Executor.Statistics.Completed.ShouldBe(3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hook_whose_token_callback_throws_when_it_times_out_is_counted_as_timed_out_and_the_worker_goes_on(bool fakeTime)
    {
        // Cancelling runs the hook's callbacks on the thread that cancels: a timer thread, where an exception would end
        // the process (with fake time, the test's own thread, where it would come out of Advance).
        var time = new FakeTimeProvider();
        await using var host = HookTestHost.Create(
            o => { o.MaxConcurrency = 1; o.HookTimeout = fakeTime ? TimeSpan.FromSeconds(5) : RealTimeout; },
            s =>
            {
                if (fakeTime)
                {
                    s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
                }
            });
        var hangStarted = new TaskCompletionSource();
        await host.Executor.EnqueueAsync(Item(Hook("throws-when-cancelled", async c =>
        {
            c.CancellationToken.Register(() => throw new InvalidOperationException("a callback that throws"));
            hangStarted.SetResult();
            await Task.Delay(Timeout.Infinite, c.CancellationToken);
        })));
        await host.Executor.EnqueueAsync(Item(Sync("after", _ => { })));

        await hangStarted.Task.WaitAsync(ExecutionRecorder.Patience);
        if (fakeTime)
        {
            time.Advance(TimeSpan.FromSeconds(5));
        }

        var executions = await host.Executions.WaitForAsync(2);

        executions.Select(e => (e.HookName, e.Status)).ShouldBe([("throws-when-cancelled", BackgroundHookStatus.TimedOut), ("after", BackgroundHookStatus.Completed)]);
        host.Executor.Statistics.TimedOut.ShouldBe(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_registration_a_finished_hook_left_on_its_token_never_runs_for_a_later_timeout(bool fakeTime)
    {
        var time = new FakeTimeProvider();
        await using var host = HookTestHost.Create(
            o => { o.MaxConcurrency = 1; o.HookTimeout = fakeTime ? TimeSpan.FromSeconds(5) : RealTimeout; },
            s =>
            {
                if (fakeTime)
                {
                    s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
                }
            });
        var leftBehindRan = false;
        var hangStarted = new TaskCompletionSource();
        await host.Executor.EnqueueAsync(Item(Sync("leaves-a-registration", c => c.CancellationToken.Register(() => leftBehindRan = true))));
        await host.Executor.EnqueueAsync(Item(Hook("hangs", async c =>
        {
            hangStarted.SetResult();
            await Task.Delay(Timeout.Infinite, c.CancellationToken);
        })));

        await hangStarted.Task.WaitAsync(ExecutionRecorder.Patience);
        if (fakeTime)
        {
            time.Advance(TimeSpan.FromSeconds(5));
        }

        var executions = await host.Executions.WaitForAsync(2);

        executions.Select(e => e.Status).ShouldBe([BackgroundHookStatus.Completed, BackgroundHookStatus.TimedOut]);
        leftBehindRan.ShouldBeFalse();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Past_the_shutdown_deadline_a_worker_that_ran_others_before_cancels_its_running_hook(bool honoursItsToken)
    {
        await using var host = HookTestHost.Create(o => o.MaxConcurrency = 1);
        for (var i = 0; i < 3; i++)
        {
            await host.Executor.EnqueueAsync(Item(Sync($"quick-{i}", _ => { })));
        }

        await host.Executions.WaitForAsync(3);
        var started = new TaskCompletionSource();
        var never = new TaskCompletionSource();
        await host.Executor.EnqueueAsync(Item(Hook("stuck", async c =>
        {
            started.SetResult();
            await (honoursItsToken ? Task.Delay(Timeout.Infinite, c.CancellationToken) : never.Task);
        })));
        await started.Task.WaitAsync(ExecutionRecorder.Patience);

        await host.Executor.StopAsync(new CancellationToken(canceled: true)).WaitAsync(ExecutionRecorder.Patience);

        (await host.Executions.WaitForAsync(1)).Last().ShouldSatisfyAllConditions(
            e => e.HookName.ShouldBe("stuck"),
            e => e.Status.ShouldBe(BackgroundHookStatus.Cancelled));
        host.Executor.Statistics.Cancelled.ShouldBe(1);
        host.Executor.Statistics.TimedOut.ShouldBe(0);
    }

    [Fact]
    public async Task Each_worker_times_out_its_own_hook_and_the_others_go_on()
    {
        var time = new FakeTimeProvider();
        await using var host = HookTestHost.Create(o => { o.MaxConcurrency = 2; o.HookTimeout = TimeSpan.FromSeconds(5); }, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        var hangStarted = new TaskCompletionSource();
        var slowStarted = new TaskCompletionSource();
        var releaseSlow = new TaskCompletionSource();
        await host.Executor.EnqueueAsync(Item(Hook("hangs", async c =>
        {
            hangStarted.SetResult();
            await Task.Delay(Timeout.Infinite, c.CancellationToken);
        })));
        await hangStarted.Task.WaitAsync(ExecutionRecorder.Patience);
        time.Advance(TimeSpan.FromSeconds(3));
        await host.Executor.EnqueueAsync(Item(Hook("slow", async c =>
        {
            slowStarted.SetResult();
            await releaseSlow.Task.WaitAsync(c.CancellationToken);
        })));
        await slowStarted.Task.WaitAsync(ExecutionRecorder.Patience);

        // 5 s for the first, 2 s for the second: only the first times out.
        time.Advance(TimeSpan.FromSeconds(2));
        (await host.Executions.WaitForAsync(1)).Single().ShouldSatisfyAllConditions(
            e => e.HookName.ShouldBe("hangs"),
            e => e.Status.ShouldBe(BackgroundHookStatus.TimedOut));
        releaseSlow.SetResult();

        (await host.Executions.WaitForAsync(1)).Single(e => e.HookName == "slow").Status.ShouldBe(BackgroundHookStatus.Completed);
    }
}
