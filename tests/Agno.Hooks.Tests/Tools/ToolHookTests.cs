using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Tests.Tools;

/// <summary>
/// Hooks at each tool call of our agent: before it (change the arguments, refuse it, reject the run), after it (change
/// the result before the model sees it), and around it (in list order, the first outermost; skip, retry, time). Streamed
/// and not, on the offline model, which calls the tools a message names.
/// </summary>
public sealed class ToolHookTests
{
    private static readonly HookParameter CallParameter = new("call", HookParameterKind.ToolCall, typeof(ToolCall));
    private static readonly HookParameter NextParameter = new("next", HookParameterKind.Next, typeof(HookNext));

    private readonly List<string> _log = [];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hook_before_the_call_changes_its_arguments(bool streamed)
    {
        var agent = Agent();
        agent.PreToolHooks.Add(Before("to-berlin", call => call.Arguments["city"] = "Berlin"));

        var output = await RunAsync(agent, "get_weather city=Paris", streamed);

        _log.ShouldBe(["tool(Berlin)"]);
        output.Tools.Single().ToolArgs!["city"]!.GetValue<string>().ShouldBe("Berlin", "the record has the arguments the tool got");
        output.Content!.ShouldEndWith("get_weather returned: Sunny in Berlin.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_refused_call_is_not_run_and_the_model_gets_the_refusal(bool streamed)
    {
        var agent = Agent();
        agent.PreToolHooks.Add(Before("no-paris", call =>
        {
            if (call.Arguments["city"]?.ToString() == "Paris")
            {
                call.Refuse("Paris is off limits.");
            }
        }));
        agent.PreToolHooks.Add(Before("after-refusal", _ => _log.Add("not reached")));
        agent.PostToolHooks.Add(After("audit", call => _log.Add($"after({call.IsRefused})")));

        var output = await RunAsync(agent, "get_weather city=Paris", streamed);

        _log.ShouldBe(["after(True)"], "the tool did not run, nor the hooks before it after the refusal; the hooks after it did");
        output.Status.ShouldBe(RunStatus.Completed);
        var tool = output.Tools.Single();
        tool.ToolCallError.ShouldBeTrue();
        tool.Result.ShouldBe("Paris is off limits.");
        output.Content!.ShouldEndWith("get_weather returned: Paris is off limits.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_guardrail_before_the_call_rejects_the_run_and_runs_first(bool streamed)
    {
        var agent = Agent();
        agent.PreToolHooks.Add(Before("plain", _ => _log.Add("plain")));
        agent.PreToolHooks.Add(Before("policy", call => throw new OutputCheckException($"{call.Name} is not allowed", CheckTrigger.OutputNotAllowed), guardrail: true));

        var output = await RunAsync(agent, "get_weather city=Paris", streamed);

        _log.ShouldBeEmpty("the guardrail ran first and rejected: neither the other hook nor the tool ran");
        output.Status.ShouldBe(RunStatus.Error);
        output.ErrorType.ShouldBe(OutputCheckException.Type);
        output.ErrorId.ShouldBe("output_not_allowed");
        output.Content.ShouldBe("get_weather is not allowed");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hook_after_the_call_changes_the_result_before_the_model_sees_it(bool streamed)
    {
        var agent = Agent(result: "Call 555-123-4567 for Paris");
        agent.PostToolHooks.Add(After("mask", call => call.Result = call.Result!.ToString()!.Replace("555-123-4567", "***", StringComparison.Ordinal)));

        var output = await RunAsync(agent, "get_weather city=Paris", streamed);

        output.Content!.ShouldEndWith("get_weather returned: Call *** for Paris.");
        output.Tools.Single().Result.ShouldBe("Call *** for Paris");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hooks_around_the_call_nest_in_list_order_the_first_outermost(bool streamed)
    {
        var agent = Agent();
        agent.ToolHooks.Add(Around("outer"));
        agent.ToolHooks.Add(Around("inner"));

        await RunAsync(agent, "get_weather city=Oslo", streamed);

        _log.ShouldBe(["outer in", "inner in", "tool(Oslo)", "inner out", "outer out"]);
    }

    [Fact]
    public async Task A_hook_around_the_call_may_retry_it_or_answer_without_it()
    {
        var failures = 1;
        var agent = new Agent("a")
        {
            Model = new OfflineChatClient(),
            Tools =
            {
                AIFunctionFactory.Create(() => failures-- > 0 ? throw new TimeoutException("flaky") : "done", "flaky"),
                AIFunctionFactory.Create(() => "live", "cached"),
            },
        };
        agent.ToolHooks.Add(new HookDescriptor("retry-or-cache", [CallParameter, NextParameter], async context =>
        {
            var call = context.RequiredToolCall;
            if (call.Name == "cached")
            {
                call.Result = "from cache";
                return;
            }

            await context.RequiredNext();
            if (call.Exception is not null)
            {
                await context.RequiredNext();
            }
        }));

        var output = await agent.RunAsync("flaky and cached");

        output.Tools.Select(t => (t.ToolName, t.Result, t.ToolCallError)).ShouldBe([("flaky", "done", false), ("cached", "from cache", false)]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_tools_own_hooks_run_inside_the_owners_and_only_at_its_calls(bool streamed)
    {
        var weather = new HookedTool(AIFunctionFactory.Create((string city) => $"Sunny in {city}", "get_weather"));
        weather.PreToolHooks.Add(Before("tool-before", _ => _log.Add("tool before")));
        weather.PostToolHooks.Add(After("tool-after", _ => _log.Add("tool after")));
        weather.ToolHooks.Add(Around("tool-around"));
        var agent = new Agent("a") { Model = new OfflineChatClient(), Tools = { weather, AIFunctionFactory.Create(() => "noon", "get_time") } };
        agent.PreToolHooks.Add(Before("owner-before", call => _log.Add($"owner before {call.Name}")));
        agent.PostToolHooks.Add(After("owner-after", call => _log.Add($"owner after {call.Name}")));
        agent.ToolHooks.Add(Around("owner-around"));

        await RunAsync(agent, "get_weather city=Rome, then get_time", streamed);

        _log.ShouldBe(
        [
            "owner before get_weather", "tool before", "owner-around in", "tool-around in", "tool-around out", "owner-around out", "tool after", "owner after get_weather",
            "owner before get_time", "owner-around in", "owner-around out", "owner after get_time",
        ]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_background_hook_after_the_call_gets_a_copy_of_its_record_once_the_run_is_over(bool streamed)
    {
        var queue = new CapturingQueue();
        var agent = Agent();
        agent.PostToolHooks.Add(new HookDescriptor("audit", [new HookParameter("tool", HookParameterKind.ToolExecution, typeof(ToolExecution))], _ => { }) { RunInBackground = true });
        agent.PostToolHooks.Add(After("mask", call => call.Result = "[masked]"));

        var output = await RunAsync(agent, "get_weather city=Paris", streamed, new RunOptions { BackgroundQueue = queue });

        var item = queue.Items.ShouldHaveSingleItem();
        item.HookName.ShouldBe("audit");
        item.Stage.ShouldBe(HookStage.PostToolCall);
        var copy = item.Tool.ShouldNotBeNull();
        copy.ShouldNotBeSameAs(output.Tools.Single());
        (copy.ToolName, copy.Result, copy.ToolCallError).ShouldBe(("get_weather", "[masked]", false), "the record as the call ended, the inline hooks' edits included");
        copy.ToolArgs!["city"]!.GetValue<string>().ShouldBe("Paris");

        // It leaves the process with a durable queue, and comes back the same.
        var restored = BackgroundHookSerializer.Deserialize(BackgroundHookSerializer.Serialize(item));
        restored.Tool.ShouldNotBeNull().Result.ShouldBe("[masked]");
        restored.Tool!.ToolArgs!.ToJsonString().ShouldBe(copy.ToolArgs.ToJsonString());
        restored.Stage.ShouldBe(HookStage.PostToolCall);
    }

    [Fact]
    public async Task A_rejected_run_hands_over_no_background_hook_of_its_tool_calls()
    {
        var queue = new CapturingQueue();
        var agent = Agent();
        agent.PostToolHooks.Add(new HookDescriptor("audit", [new HookParameter("tool", HookParameterKind.ToolExecution, typeof(ToolExecution))], _ => { }) { RunInBackground = true });
        agent.PostHooks.Add(new HookDescriptor("reject", [new HookParameter("output", HookParameterKind.RunOutput, typeof(RunOutput))], _ => throw new OutputCheckException("no")) { Guardrail = true });

        var output = await agent.RunAsync("get_weather city=Paris", new RunOptions { BackgroundQueue = queue });

        output.Status.ShouldBe(RunStatus.Error);
        queue.Items.ShouldBeEmpty();
    }

    [Fact]
    public void Hooks_attach_only_where_their_arguments_exist()
    {
        var agent = Agent();
        var toolHook = Before("tool", _ => { });
        var aroundHook = Around("around");

        Should.Throw<HookBindingException>(() => agent.PreHooks.Add(toolHook)).Message.ShouldContain("is a tool call's, so it can only be a tool hook");
        Should.Throw<HookBindingException>(() => agent.PreToolHooks.Add(aroundHook)).Message.ShouldContain("can only be in ToolHooks");
        Should.Throw<HookBindingException>(() => agent.PostToolHooks.Add(new HookDescriptor("bg", [CallParameter], _ => { }) { RunInBackground = true }))
            .Message.ShouldContain("is live at the call, and the call is over when the hook runs: bind ToolExecution");
        Should.Throw<HookBindingException>(() => agent.PreToolHooks.Add(new HookDescriptor("bg-before", [], _ => { }) { RunInBackground = true }))
            .Message.ShouldContain("hooks before or around a tool call, and model hooks, run inline");
        agent.ToolHooks.Add(aroundHook);
        agent.PostToolHooks.Add(new HookDescriptor("any", [new HookParameter("input", HookParameterKind.RunInput, typeof(RunInput))], _ => { }));
    }

    private Agent Agent(string? result = null) => new("agent")
    {
        Model = new OfflineChatClient(),
        Tools =
        {
            AIFunctionFactory.Create((string city) =>
            {
                _log.Add($"tool({city})");
                return result ?? $"Sunny in {city}";
            }, "get_weather"),
        },
    };

    private static HookDescriptor Before(string name, Action<ToolCall> body, bool guardrail = false) =>
        new(name, [CallParameter], context => body(context.RequiredToolCall)) { Guardrail = guardrail };

    private static HookDescriptor After(string name, Action<ToolCall> body) =>
        new(name, [CallParameter], context => body(context.RequiredToolCall));

    private HookDescriptor Around(string name) => new(name, async context =>
    {
        _log.Add($"{name} in");
        await context.RequiredNext();
        _log.Add($"{name} out");
    }, [CallParameter, NextParameter]);

    private static async Task<RunOutput> RunAsync(Agent agent, string message, bool streamed, RunOptions? options = null) =>
        (await StreamedOrNot.RunAsync(agent, message, streamed, options)).Output;

    private sealed class CapturingQueue : IBackgroundHookQueue
    {
        public List<BackgroundHookWorkItem> Items { get; } = [];

        public ValueTask EnqueueAsync(BackgroundHookWorkItem item, CancellationToken cancellationToken = default)
        {
            Items.Add(item);
            return default;
        }
    }
}
