using Agno.Hooks.Tests.Support;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.Agents;

public sealed class AgentStreamingTests : IAsyncLifetime
{
    private readonly HookTestHost _host = HookTestHost.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static async Task<List<RunEvent>> Collect(IAsyncEnumerable<RunEvent> events)
    {
        var list = new List<RunEvent>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    }

    [Fact]
    public async Task Events_come_in_agnos_order_with_hook_events_only_for_inline_hooks()
    {
        var agent = _host.Agent();
        agent.PreHooks.Add(Pre("check", _ => { }, guardrail: true));
        agent.PostHooks.Add(Post("log", _ => { }));
        agent.PostHooks.Add(Post("notify", _ => { }, background: true));

        var events = await Collect(agent.RunStreamingAsync("Hello streaming world"));

        var kinds = events.Select(e => e.Kind).ToList();
        var contentCount = kinds.Count(k => k == RunEventKind.RunContent);
        contentCount.ShouldBeGreaterThan(1);
        kinds.ShouldBe(
        [
            RunEventKind.RunStarted,
            RunEventKind.PreHookStarted, RunEventKind.PreHookCompleted,
            .. Enumerable.Repeat(RunEventKind.RunContent, contentCount),
            RunEventKind.RunContentCompleted,
            RunEventKind.PostHookStarted, RunEventKind.PostHookCompleted,
            RunEventKind.RunCompleted,
        ]);
        events.Where(e => e.HookName is not null).Select(e => e.HookName).ShouldBe(["check", "check", "log", "log"]);
        var completed = events[^1];
        string.Concat(events.Where(e => e.Kind == RunEventKind.RunContent).Select(e => e.Content)).ShouldBe(completed.Content);
        completed.Output!.Status.ShouldBe(RunStatus.Completed);
        events.ShouldAllBe(e => e.RunId == completed.RunId && e.SessionId == completed.SessionId && e.Owner == agent && e.NestedDepth == 0);
        (await _host.Executions.WaitForAsync(1)).Single().HookName.ShouldBe("notify");
    }

    [Fact]
    public async Task A_rejected_run_ends_with_run_error_and_no_run_completed()
    {
        var model = new CountingChatClient();
        var agent = new Agent("guarded") { Model = model, Services = _host.Services };
        agent.PreHooks.Add(Pre("reject", _ => throw new InputCheckException("Not allowed", CheckTrigger.OffTopic), guardrail: true));

        var events = await Collect(agent.RunStreamingAsync("Hi"));

        events.Select(e => e.Kind).ShouldBe([RunEventKind.RunStarted, RunEventKind.PreHookStarted, RunEventKind.RunError]);
        var error = events[^1];
        error.Content.ShouldBe("Not allowed");
        error.Output!.ErrorId.ShouldBe("off_topic");
        error.Output.ErrorType.ShouldBe("input_check_error");
        model.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task A_failing_inline_hook_gets_a_started_event_but_no_completed_event()
    {
        var agent = _host.Agent();
        agent.PreHooks.Add(Pre("broken", _ => throw new InvalidOperationException("boom")));

        var events = await Collect(agent.RunStreamingAsync("Hi"));

        events.Where(e => e.HookName == "broken").Select(e => e.Kind).ShouldBe([RunEventKind.PreHookStarted]);
        events[^1].Kind.ShouldBe(RunEventKind.RunCompleted);
    }

    [Fact]
    public async Task A_model_that_fails_mid_stream_ends_with_run_error()
    {
        var agent = new Agent("flaky") { Model = new CountingChatClient { Failure = new InvalidOperationException("stream broke") }, Services = _host.Services };

        var events = await Collect(agent.RunStreamingAsync("Hi"));

        events[^1].Kind.ShouldBe(RunEventKind.RunError);
        events[^1].Output!.ErrorType.ShouldBe("model_error");
    }

    [Fact]
    public async Task Background_hooks_are_queued_before_the_last_event_so_a_reader_that_stops_there_loses_none()
    {
        var agent = _host.Agent();
        agent.PostHooks.Add(Post("audit", _ => { }, background: true));

        await foreach (var e in agent.RunStreamingAsync("Hi"))
        {
            if (e.Kind == RunEventKind.RunCompleted)
            {
                break;
            }
        }

        (await _host.Executions.WaitForAsync(1)).Single().HookName.ShouldBe("audit");
    }
}
