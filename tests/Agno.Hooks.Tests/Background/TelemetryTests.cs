using System.Collections.Concurrent;
using System.Diagnostics;
using Agno.Hooks.Tests.Support;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.Background;

public sealed class TelemetryTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public TelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AgnoHooksTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_run_is_an_invoke_agent_span_with_inline_hooks_as_children_and_background_hooks_as_linked_roots(bool streaming)
    {
        await using var host = HookTestHost.Create();
        var agent = host.Agent("traced-agent");
        agent.PreHooks.Add(Pre("inline-check", _ => { }));
        agent.PostHooks.Add(Post("background-log", _ => { }, background: true));

        RunOutput? output = null;
        if (streaming)
        {
            await foreach (var e in agent.RunStreamingAsync("Hi"))
            {
                output = e.Output;
            }
        }
        else
        {
            output = await agent.RunAsync("Hi");
        }

        output.ShouldNotBeNull();
        await host.Executions.WaitForAsync(1);

        // Other tests run in parallel; keep only this run's spans.
        var run = _stopped.Single(a => a.OperationName == "invoke_agent Test agent" && (string?)a.GetTagItem("agno.run.id") == output.RunId);
        run.GetTagItem("gen_ai.operation.name").ShouldBe("invoke_agent");
        run.GetTagItem("gen_ai.agent.id").ShouldBe("traced-agent");
        var inline = _stopped.Single(a => a.OperationName == "execute_hook inline-check" && a.TraceId == run.TraceId);
        inline.ParentSpanId.ShouldBe(run.SpanId);
        var background = _stopped.Single(a => a.OperationName == "execute_hook background-log" && (string?)a.GetTagItem("agno.run.id") == output.RunId);
        background.ParentSpanId.ShouldBe(default);
        background.TraceId.ShouldNotBe(run.TraceId);
        background.Links.Single().Context.SpanId.ShouldBe(run.SpanId);
        background.GetTagItem("agno.hook.status").ShouldBe("completed");
    }
}
