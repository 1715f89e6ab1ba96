using System.Diagnostics;
using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.Logging;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.Pipeline;

/// <summary>
/// A stage runs as a plain loop while its hooks complete synchronously and hands the rest to an async continuation at
/// the first one that doesn't: the order, the failures and the rejections must come out the same either way.
/// </summary>
public sealed class InlineStageTests : IAsyncLifetime
{
    private readonly HookTestHost _host = HookTestHost.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Synchronous_and_later_completing_hooks_keep_guardrails_first_and_list_order(bool streaming)
    {
        var order = new List<string>();
        var agent = _host.Agent();
        agent.PreHooks.Add(PreSync("sync-a", _ => order.Add("sync-a")));
        agent.PreHooks.Add(PreAsync("later-b", async _ => { await Task.Yield(); order.Add("later-b"); }));
        agent.PreHooks.Add(PreSync("sync-guard", _ => order.Add("sync-guard"), guardrail: true));
        agent.PreHooks.Add(Pre("valuetask-c", _ => order.Add("valuetask-c")));
        agent.PreHooks.Add(new HookDescriptor("later-guard", async c => { await Task.Yield(); order.Add("later-guard"); }, [InputParameter]) { Guardrail = true });
        agent.PreHooks.Add(PreSync("sync-d", _ => order.Add("sync-d")));

        var output = await Run(agent, "Hello", streaming);

        output.Status.ShouldBe(RunStatus.Completed);
        order.ShouldBe(["sync-guard", "later-guard", "sync-a", "later-b", "valuetask-c", "sync-d"]);
    }

    [Fact]
    public async Task A_check_thrown_after_a_hook_completed_later_rejects_the_run_and_stops_the_stage()
    {
        var ran = new List<string>();
        var agent = _host.Agent();
        agent.PreHooks.Add(PreAsync("slow", async _ => { await Task.Yield(); ran.Add("slow"); }));
        agent.PreHooks.Add(PreAsync("slow-check", async _ =>
        {
            await Task.Yield();
            throw new InputCheckException("No.", CheckTrigger.InputNotAllowed);
        }));
        agent.PreHooks.Add(PreSync("never", _ => ran.Add("never")));

        var output = await agent.RunAsync("Hello");

        output.Status.ShouldBe(RunStatus.Error);
        output.Content.ShouldBe("No.");
        ran.ShouldBe(["slow"]);
    }

    [Fact]
    public async Task A_synchronous_check_rejects_the_run_and_later_hooks_do_not_run()
    {
        var laterRan = false;
        var agent = _host.Agent();
        agent.PostHooks.Add(new HookDescriptor("sync-check", [OutputParameter], _ => throw new OutputCheckException("Not that.", CheckTrigger.OutputNotAllowed)) { Guardrail = true });
        agent.PostHooks.Add(new HookDescriptor("later", [OutputParameter], _ => laterRan = true));

        var output = await agent.RunAsync("Hello");

        output.Status.ShouldBe(RunStatus.Error);
        output.Content.ShouldBe("Not that.");
        laterRan.ShouldBeFalse();
    }

    [Fact]
    public async Task Hooks_that_fail_synchronously_or_later_are_logged_and_the_run_goes_on()
    {
        var ran = new List<string>();
        var agent = _host.Agent();
        agent.PreHooks.Add(PreSync("sync-throws", _ => throw new InvalidOperationException("sync boom")));
        agent.PreHooks.Add(new HookDescriptor("task-faults-at-once", _ => new ValueTask(Task.FromException(new InvalidOperationException("faulted boom"))), [InputParameter]));
        agent.PreHooks.Add(PreAsync("throws-later", async _ => { await Task.Yield(); throw new InvalidOperationException("later boom"); }));
        agent.PreHooks.Add(PreSync("after", _ => ran.Add("after")));

        var output = await agent.RunAsync("Hello");

        output.Status.ShouldBe(RunStatus.Completed);
        ran.ShouldBe(["after"]);
        var errors = _host.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Error).ToList();
        errors.Select(r => r.Exception!.Message).ShouldBe(["sync boom", "faulted boom", "later boom"]);
        errors[0].Message.ShouldContain("'sync-throws'");
    }

    [Fact]
    public async Task A_synchronous_hook_cancelled_with_the_run_ends_the_run()
    {
        using var cancellation = new CancellationTokenSource();
        var agent = _host.Agent();
        agent.PreHooks.Add(PreSync("cancels", c =>
        {
            cancellation.Cancel();
            c.CancellationToken.ThrowIfCancellationRequested();
        }));

        await Should.ThrowAsync<OperationCanceledException>(() => agent.RunAsync("Hello", cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task A_hook_list_changed_between_runs_is_what_the_next_run_uses()
    {
        var ran = new List<string>();
        var agent = _host.Agent();
        var first = PreSync("first", _ => ran.Add("first"));
        var second = PreSync("second", _ => ran.Add("second"));
        agent.PreHooks.Add(first);
        await agent.RunAsync("one");

        agent.PreHooks.Add(second);
        await agent.RunAsync("two");

        agent.PreHooks.Remove(first);
        await agent.RunAsync("three");

        agent.PreHooks[0] = first;
        await agent.RunAsync("four");

        agent.PreHooks.Clear();
        await agent.RunAsync("five");

        ran.ShouldBe(["first", "first", "second", "second", "first"]);
    }

    [Fact]
    public async Task With_a_listener_each_synchronous_hook_gets_its_span()
    {
        var spans = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AgnoHooksTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity.OperationName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var agent = _host.Agent("traced-agent");
        agent.PreHooks.Add(PreSync("traced-sync", _ => { }));
        agent.PostHooks.Add(new HookDescriptor("traced-check", [OutputParameter], _ => throw new OutputCheckException("Stop.", CheckTrigger.OutputNotAllowed)) { Guardrail = true });

        var output = await agent.RunAsync("Hello");

        output.Status.ShouldBe(RunStatus.Error);
        lock (spans)
        {
            spans.ShouldContain("execute_hook traced-sync");
            spans.ShouldContain("execute_hook traced-check");
        }
    }

    private static async Task<RunOutput> Run(Agent agent, string message, bool streaming)
    {
        if (!streaming)
        {
            return await agent.RunAsync(message);
        }

        RunOutput? output = null;
        await foreach (var runEvent in agent.RunStreamingAsync(message))
        {
            output = runEvent.Output ?? output;
        }

        return output!;
    }
}
