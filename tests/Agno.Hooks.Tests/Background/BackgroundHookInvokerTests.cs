using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Agno.Hooks.Tests.Background;

/// <summary>
/// <see cref="BackgroundHookInvoker.ExecuteAsync"/>, as a durable queue's job calls it, with its own token: how an
/// execution ended, in the record it returns.
/// </summary>
public sealed class BackgroundHookInvokerTests
{
    private static readonly Agent Owner = new("invoker-test");

    private static BackgroundHookWorkItem Item(Func<HookContext, ValueTask> body) =>
        new(new HookDescriptor("hook", c => body(c), [TestHooks.InputParameter]), new HookContext(HookStage.Pre, Owner, new RunContext("run-1", "session-1"), new RunInput("Hi"), null, EmptyServiceProvider.Instance, CancellationToken.None));

    private static BackgroundHookInvoker Invoker(TimeProvider? time = null) =>
        new(Options.Create(new AgnoHooksOptions { HookTimeout = TimeSpan.FromSeconds(5) }), new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), timeProvider: time);

    [Fact]
    public async Task A_failure_is_returned_with_its_exception()
    {
        var execution = await Invoker().ExecuteAsync(Item(_ => throw new InvalidOperationException("boom")));

        execution.Status.ShouldBe(BackgroundHookStatus.Failed);
        execution.Error.ShouldBe("boom");
        execution.Exception.ShouldBeOfType<InvalidOperationException>();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_callers_token_cancels_it_as_cancelled_not_timed_out(bool alreadyCancelled)
    {
        using var caller = new CancellationTokenSource();
        if (alreadyCancelled)
        {
            await caller.CancelAsync();
        }

        var started = new TaskCompletionSource();
        var running = Invoker().ExecuteAsync(Item(async c =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, c.CancellationToken);
        }), caller.Token);
        await started.Task.WaitAsync(ExecutionRecorder.Patience);
        await caller.CancelAsync();

        var execution = await running.WaitAsync(ExecutionRecorder.Patience);

        execution.Status.ShouldBe(BackgroundHookStatus.Cancelled);
        execution.Error.ShouldBe("cancelled");
        execution.Exception.ShouldBeNull();
    }

    [Fact]
    public async Task Its_timeout_comes_from_its_time_provider()
    {
        var time = new FakeTimeProvider();
        var started = new TaskCompletionSource();
        var running = Invoker(time).ExecuteAsync(Item(async c =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, c.CancellationToken);
        }), CancellationToken.None);
        await started.Task.WaitAsync(ExecutionRecorder.Patience);
        time.Advance(TimeSpan.FromSeconds(4.9));
        running.IsCompleted.ShouldBeFalse();

        time.Advance(TimeSpan.FromSeconds(0.1));
        var execution = await running.WaitAsync(ExecutionRecorder.Patience);

        execution.Status.ShouldBe(BackgroundHookStatus.TimedOut);
        execution.Error.ShouldBe("timed_out");
    }
}
