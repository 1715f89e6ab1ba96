using Agno.Hooks.CustomOwner.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Agno.Hooks.CustomOwner.Tests.Support.TestHooks;

namespace Agno.Hooks.CustomOwner.Tests;

/// <summary>
/// A custom owner's background hooks behave as an <see cref="Agent"/>'s (tests/Agno.Hooks.Tests/Background): a
/// rejection queues nothing, copies are isolated both ways, and the work is held until the caller says its
/// response is done. Every execution runs restored from JSON, its hook found by name and the owner by id.
/// </summary>
public sealed class FuncAgentBackgroundTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rejected_run_queues_nothing_even_with_a_background_hook_listed_before_the_guardrail(bool global)
    {
        await using var host = CustomOwnerHost.Create(o => o.RunHooksInBackground = global);
        var calls = 0;
        var agent = host.Agent("func", content =>
        {
            calls++;
            return content;
        });
        agent.PreHooks.Add(Pre("listed-first", _ => { }, background: true));
        agent.PreHooks.Add(Pre("guard", _ => throw new InputCheckException("No"), guardrail: true));
        agent.PostHooks.Add(Post("post", _ => { }, background: true));
        var held = new DeferredBackgroundHookQueue();

        var output = await agent.RunAsync("Hi", new RunOptions { BackgroundQueue = held });
        await held.FlushAsync(host.Background);

        output.Status.ShouldBe(RunStatus.Error);
        calls.ShouldBe(0);
        held.Count.ShouldBe(0);
        host.RoundTrip.RoundTrips.ShouldBe(0);
        host.Executor.Statistics.ShouldBe(default(BackgroundHookStatistics));
    }

    [Fact]
    public async Task An_output_rejection_queues_nothing_either()
    {
        await using var host = CustomOwnerHost.Create();
        var agent = host.Agent("func");
        agent.PreHooks.Add(Pre("pre-background", _ => { }, background: true));
        agent.PostHooks.Add(Post("post-guard", _ => throw new OutputCheckException("No"), guardrail: true));

        // The pipeline's own destination (no deferred queue): the round trip, then the executor.
        var output = await agent.RunAsync("Hi");

        output.Status.ShouldBe(RunStatus.Error);
        host.Executor.Statistics.Queued.ShouldBe(0);
    }

    [Fact]
    public async Task Guardrail_edits_reach_background_copies_and_background_edits_never_leak_back()
    {
        await using var host = CustomOwnerHost.Create();
        var agent = host.Agent("func");
        string? seenInput = null;
        string? seenOutput = null;
        agent.PreHooks.Add(Pre("copy-reader", c =>
        {
            seenInput = c.Input.Content;
            c.Input.Content = "changed in background";
            c.Input.Metadata["leak"] = "pre";
            c.Input.Messages.Add(new RunMessage("user", "leak"));
        }, background: true));
        agent.PreHooks.Add(Pre("mask", c => c.Input.Content = c.Input.Content.Replace("4111", "****"), guardrail: true));
        agent.PostHooks.Add(Post("output-reader", c =>
        {
            seenOutput = c.Output!.Content;
            c.Output.Content = "changed in background";
            c.Output.Metadata["leak"] = "post";
            c.Run.SessionState["leak"] = "post";
        }, background: true));
        var held = new DeferredBackgroundHookQueue();

        var output = await agent.RunAsync("card 4111", new RunOptions { BackgroundQueue = held });
        await held.FlushAsync(host.Background);
        await host.Executions.WaitForAsync(2);

        seenInput.ShouldBe("card ****");
        seenOutput.ShouldBe("echo: card ****");
        output.Content.ShouldBe("echo: card ****");
        output.Input!.Content.ShouldBe("card ****");
        output.Input.Messages.ShouldBeEmpty();
        output.Metadata.ContainsKey("leak").ShouldBeFalse();
        output.Input.SessionState.ContainsKey("leak").ShouldBeFalse();
    }

    [Fact]
    public async Task The_copy_is_taken_when_the_hooks_run_so_later_caller_edits_do_not_reach_it()
    {
        await using var host = CustomOwnerHost.Create();
        var agent = host.Agent("func");
        string? seen = null;
        agent.PostHooks.Add(Post("late-reader", c => seen = c.Output!.Content, background: true));
        var held = new DeferredBackgroundHookQueue();

        var output = await agent.RunAsync("Hi", new RunOptions { BackgroundQueue = held });
        output.Content = "edited by the caller after the run";
        await held.FlushAsync(host.Background);
        await host.Executions.WaitForAsync(1);

        seen.ShouldBe("echo: Hi");
    }

    [Fact]
    public async Task Background_work_starts_only_after_the_caller_says_its_response_is_done()
    {
        await using var host = CustomOwnerHost.Create();
        var agent = host.Agent("func");
        var responseDone = false;
        bool? doneWhenStarted = null;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.PostHooks.Add(Post("after-response", _ =>
        {
            doneWhenStarted = Volatile.Read(ref responseDone);
            started.TrySetResult();
        }, background: true));
        var held = new DeferredBackgroundHookQueue();

        var output = await agent.RunAsync("Hi", new RunOptions { BackgroundQueue = held });

        // The run is over and its work is held: nothing has reached the queue, so nothing can have started.
        output.Status.ShouldBe(RunStatus.Completed);
        held.Count.ShouldBe(1);
        host.Executor.Statistics.Queued.ShouldBe(0);
        started.Task.IsCompleted.ShouldBeFalse();

        Volatile.Write(ref responseDone, true);
        await held.FlushAsync(host.Background);
        await started.Task.WaitAsync(ExecutionRecorder.Patience);

        doneWhenStarted.ShouldBe(true);
        held.Count.ShouldBe(0);
        (await host.Executions.WaitForAsync(1)).Single().Status.ShouldBe(BackgroundHookStatus.Completed);
    }

    [Fact]
    public async Task A_slow_background_hook_does_not_hold_the_run()
    {
        await using var host = CustomOwnerHost.Create();
        var agent = host.Agent("func");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.PostHooks.Add(PostAsync("blocked", async c =>
        {
            started.TrySetResult();
            await gate.Task.WaitAsync(c.CancellationToken);
        }, background: true));

        var output = await agent.RunAsync("Hi");
        await started.Task.WaitAsync(ExecutionRecorder.Patience);

        output.Status.ShouldBe(RunStatus.Completed);
        host.Executions.Executions.ShouldBeEmpty();
        gate.SetResult();
        (await host.Executions.WaitForAsync(1)).Single().Status.ShouldBe(BackgroundHookStatus.Completed);
    }

    [Fact]
    public async Task Failing_background_hooks_are_isolated_from_each_other_and_from_the_run()
    {
        await using var host = CustomOwnerHost.Create();
        var agent = host.Agent("func");
        for (var i = 1; i <= 3; i++)
        {
            var n = i;
            agent.PostHooks.Add(Post($"fails-{n}", _ => throw new InvalidOperationException($"failure {n}"), background: true));
        }

        agent.PostHooks.Add(Post("fourth", _ => { }, background: true));

        var output = await agent.RunAsync("Hi");
        var executions = await host.Executions.WaitForAsync(4);

        output.Status.ShouldBe(RunStatus.Completed);
        executions.Count(e => e.Status == BackgroundHookStatus.Failed).ShouldBe(3);
        executions.Single(e => e.HookName == "fourth").Status.ShouldBe(BackgroundHookStatus.Completed);
    }

    [Fact]
    public async Task The_global_setting_sends_every_hook_but_guardrails_to_the_background()
    {
        await using var host = CustomOwnerHost.Create(o => o.RunHooksInBackground = true);
        var agent = host.Agent("func");
        var inline = new List<string>();
        agent.PreHooks.Add(Pre("guard", _ => inline.Add("guard"), guardrail: true));
        agent.PreHooks.Add(Pre("redact", c => c.Input.Content = "redacted"));
        agent.PostHooks.Add(Post("log", _ => { }));

        var events = new List<RunEvent>();
        await foreach (var e in agent.RunStreamingAsync("secret text"))
        {
            events.Add(e);
        }

        var executions = await host.Executions.WaitForAsync(2);
        executions.Select(e => e.HookName).Order().ShouldBe(["log", "redact"]);
        inline.ShouldBe(["guard"]);
        events.Where(e => e.HookName is not null).Select(e => e.HookName).Distinct().ShouldBe(["guard"]);
        events[^1].Output!.Content.ShouldBe("echo: secret text");
    }

    [Fact]
    public async Task A_generated_background_hook_runs_from_data_with_the_custom_owner_and_its_services()
    {
        await using var host = CustomOwnerHost.Create();
        var agent = host.Agent("func");
        agent.PostHooks.Add(OwnerHooks.AuditHook);
        BackgroundHookWorkItem? execution = null;
        IHookOwner? owner = null;
        agent.PostHooks.Add(Post("probe", c =>
        {
            execution = c.Execution;
            owner = c.Owner;
        }, background: true));
        var held = new DeferredBackgroundHookQueue();

        var output = await agent.RunAsync("Hi", new RunOptions { SessionId = "s1", BackgroundQueue = held });
        await held.FlushAsync(host.Background);
        await host.Executions.WaitForAsync(2);

        host.Services.GetRequiredService<AuditLog>().Entries.ShouldBe([$"func/s1: {output.Content}"]);
        host.RoundTrip.RoundTrips.ShouldBe(2);
        execution.ShouldNotBeNull();
        (execution.Hook, execution.Owner).ShouldBe((null, null), "it ran restored from JSON, dispatched by name");
        (execution.OwnerKind, execution.OwnerId, execution.OwnerName).ShouldBe((HookOwnerKind.Any, "func", "Func func"));
        owner.ShouldBeSameAs(agent);
    }
}
