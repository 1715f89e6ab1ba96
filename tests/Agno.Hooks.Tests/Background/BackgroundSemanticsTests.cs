using Agno.Hooks.Tests.Support;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.Background;

/// <summary>Which hooks go to the background, when they are queued, and what they see.</summary>
public sealed class BackgroundSemanticsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rejected_run_queues_nothing_even_with_a_background_hook_listed_before_the_guardrail(bool global)
    {
        await using var host = HookTestHost.Create(o => o.RunHooksInBackground = global);
        var agent = host.Agent();
        agent.PreHooks.Add(Pre("listed-first", _ => { }, background: true));
        agent.PreHooks.Add(Pre("guard", _ => throw new InputCheckException("No"), guardrail: true));
        agent.PostHooks.Add(Post("post", _ => { }, background: true));

        var output = await agent.RunAsync("Hi");

        output.Status.ShouldBe(RunStatus.Error);
        host.Executor.Statistics.ShouldBe(default(BackgroundHookStatistics));
    }

    [Fact]
    public async Task An_output_rejection_queues_nothing_either()
    {
        await using var host = HookTestHost.Create();
        var agent = host.Agent();
        agent.PreHooks.Add(Pre("pre-background", _ => { }, background: true));
        agent.PostHooks.Add(Post("post-guard", _ => throw new OutputCheckException("No"), guardrail: true));

        var output = await agent.RunAsync("Hi");

        output.Status.ShouldBe(RunStatus.Error);
        host.Executor.Statistics.Queued.ShouldBe(0);
    }

    [Fact]
    public async Task Guardrail_edits_reach_background_copies_and_background_edits_never_leak_back()
    {
        await using var host = HookTestHost.Create();
        var agent = host.Agent();
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

        var output = await agent.RunAsync("card 4111");
        await host.Executions.WaitForAsync(2);

        seenInput.ShouldBe("card ****");
        seenOutput.ShouldBe(output.Content);
        output.Content.ShouldNotBe("changed in background");
        output.Input!.Content.ShouldBe("card ****");
        output.Input.Messages.ShouldBeEmpty();
        output.Metadata.ContainsKey("leak").ShouldBeFalse();
        output.Input.SessionState.ContainsKey("leak").ShouldBeFalse();
    }

    [Fact]
    public async Task The_copy_is_taken_when_queued_so_later_caller_edits_do_not_reach_it()
    {
        await using var host = HookTestHost.Create(o => o.MaxConcurrency = 1);
        var gate = new TaskCompletionSource();
        var agent = host.Agent();
        string? seen = null;
        agent.PostHooks.Add(PostAsync("late-reader", async c =>
        {
            await gate.Task;
            seen = c.Output!.Content;
        }, background: true));

        var output = await agent.RunAsync("Hi");
        var original = output.Content;
        output.Content = "edited by the caller after the run";
        gate.SetResult();
        await host.Executions.WaitForAsync(1);

        seen.ShouldBe(original);
    }

    [Fact]
    public async Task Three_failing_background_hooks_do_not_stop_a_fourth()
    {
        await using var host = HookTestHost.Create();
        var agent = host.Agent();
        var fourthRan = new TaskCompletionSource();
        for (var i = 1; i <= 3; i++)
        {
            var n = i;
            agent.PostHooks.Add(Post($"fails-{n}", _ => throw new InvalidOperationException($"failure {n}"), background: true));
        }

        agent.PostHooks.Add(Post("fourth", _ => fourthRan.SetResult(), background: true));

        await agent.RunAsync("Hi");
        var executions = await host.Executions.WaitForAsync(4);

        await fourthRan.Task.WaitAsync(ExecutionRecorder.Patience);
        executions.Count(e => e.Status == BackgroundHookStatus.Failed).ShouldBe(3);
        executions.Single(e => e.HookName == "fourth").Status.ShouldBe(BackgroundHookStatus.Completed);
        host.Executor.Statistics.Failed.ShouldBe(3);
        host.Executor.Statistics.Completed.ShouldBe(1);
        var errors = host.Messages(Microsoft.Extensions.Logging.LogLevel.Error).ToList();
        errors.ShouldContain(m => m.Contains("'fails-1'") && m.Contains(executions.First().RunId));
    }

    [Fact]
    public async Task The_global_setting_sends_every_hook_but_guardrails_to_the_background()
    {
        await using var host = HookTestHost.Create(o => o.RunHooksInBackground = true);
        var agent = host.Agent();
        var inline = new List<string>();
        agent.PreHooks.Add(Pre("guard", _ => inline.Add("guard"), guardrail: true));
        agent.PreHooks.Add(Pre("redact", c =>
        {
            inline.Add("redact");
            c.Input.Content = "redacted";
        }));
        agent.PostHooks.Add(Post("log", _ => inline.Add("log")));

        var events = new List<RunEvent>();
        await foreach (var e in agent.RunStreamingAsync("secret text"))
        {
            events.Add(e);
        }

        var executions = await host.Executions.WaitForAsync(2);

        executions.Select(e => e.HookName).Order().ShouldBe(["log", "redact"]);
        events.Where(e => e.HookName is not null).Select(e => e.HookName).Distinct().ShouldBe(["guard"]);
        events.Last().Output!.Content!.ShouldContain("secret text");
    }

    [Fact]
    public async Task A_run_option_overrides_the_global_setting()
    {
        await using var host = HookTestHost.Create(o => o.RunHooksInBackground = true);
        var agent = host.Agent();
        agent.PreHooks.Add(Pre("redact", c => c.Input.Content = "redacted"));

        var output = await agent.RunAsync("secret", new RunOptions { RunHooksInBackground = false });

        output.Content!.ShouldContain("redacted");
        host.Executor.Statistics.Queued.ShouldBe(0);
    }

    [Fact]
    public async Task A_deferred_queue_holds_the_runs_hooks_until_flushed()
    {
        await using var host = HookTestHost.Create();
        var agent = host.Agent();
        agent.PostHooks.Add(Post("later", _ => { }, background: true));
        var deferred = new DeferredBackgroundHookQueue();

        await agent.RunAsync("Hi", new RunOptions { BackgroundQueue = deferred });

        deferred.Count.ShouldBe(1);
        host.Executor.Statistics.Queued.ShouldBe(0);
        await deferred.FlushAsync(host.Executor);
        deferred.Count.ShouldBe(0);
        (await host.Executions.WaitForAsync(1)).Single().HookName.ShouldBe("later");
    }
}
