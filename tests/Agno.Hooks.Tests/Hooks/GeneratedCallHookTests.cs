using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Tests.Hooks;

/// <summary>
/// Generated tool, model and around hooks run through our agent's tool loop on the offline model, which calls the tools
/// a message names: each gets the live call, request or next step, streamed and not.
/// </summary>
public sealed class GeneratedCallHookTests : IDisposable
{
    private readonly HookLog _log = new();
    private readonly ServiceProvider _services;

    public GeneratedCallHookTests() => _services = new ServiceCollection().AddSingleton(_log).BuildServiceProvider();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_generated_background_hook_after_a_tool_call_runs_after_the_run_on_the_calls_record_restored_from_JSON(bool streamed)
    {
        var log = new HookLog();
        await using var host = HookTestHost.Create(services: s => s.AddSingleton(log));
        var agent = host.Agent();
        agent.Tools.Add(AIFunctionFactory.Create((string city) => $"Sunny in {city}", "get_weather"));
        agent.PostToolHooks.Add(CallHooks.BracketHook);
        agent.PostToolHooks.Add(CallHooks.AuditCallHook);

        var output = await RunAsync(agent, "get_weather city=Paris", streamed);

        output.Status.ShouldBe(RunStatus.Completed);
        var execution = (await host.Executions.WaitForAsync(1)).Single();
        execution.Status.ShouldBe(BackgroundHookStatus.Completed, execution.Error);
        log.Entries.ShouldBe(["audit get_weather(Paris): [Sunny in Paris], attempt 1"], "the record as the call ended, the inline hook's edit included");
        host.RoundTrip.RoundTrips.ShouldBe(1, "it went through the JSON a durable queue keeps, and ran restored");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Generated_tool_hooks_change_the_call_and_its_result_and_wrap_it(bool streamed)
    {
        var agent = new Agent("weather")
        {
            Model = new OfflineChatClient(),
            Tools = { AIFunctionFactory.Create((string city) => $"Sunny in {city}", "get_weather") },
            PreToolHooks = { CallHooks.ToBerlinHook },
            ToolHooks = { CallHooks.TimeAsyncHook },
            PostToolHooks = { CallHooks.BracketHook },
        };

        var output = await RunAsync(agent, "get_weather city=Paris", streamed);

        _log.Entries.ShouldBe(["before get_weather(Berlin)", "after get_weather: Sunny in Berlin"], "the hook around the call ran between the hooks before and after it");
        output.Tools.Single().Result.ShouldBe("[Sunny in Berlin]");
        output.Content!.ShouldEndWith("get_weather returned: [Sunny in Berlin].");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Generated_model_hooks_change_the_request_and_the_response_and_wrap_it(bool streamed)
    {
        var agent = new Agent("echo")
        {
            Model = new OfflineChatClient(),
            PreModelHooks = { CallHooks.ShoutHook },
            ModelHooks = { CallHooks.CountTurnsAsyncHook },
            PostModelHooks = { CallHooks.CheckHook },
        };

        var output = await RunAsync(agent, "hello there", streamed);

        output.Content!.ShouldStartWith("You said: \"HELLO THERE\".");
        output.Content.ShouldEndWith(" -- checked");
        _log.Entries.Count.ShouldBe(2);
        _log.Entries.First().ShouldBe("model in(1)");
        _log.Entries.Last().ShouldStartWith("model out: You said: \"HELLO THERE\".");
        _log.Entries.Last().ShouldNotEndWith(" -- checked", "the hooks after the request run once the hooks around it have returned");
    }

    [Fact]
    public async Task A_generated_hook_around_any_call_wraps_each_tool_call_and_each_model_request()
    {
        var agent = new Agent("traced")
        {
            Model = new OfflineChatClient(),
            Tools = { AIFunctionFactory.Create(() => "noon", "get_time") },
            ToolHooks = { CallHooks.TraceAsyncHook },
            ModelHooks = { CallHooks.TraceAsyncHook },
        };

        var output = await agent.RunAsync("get_time please", Options());

        output.Content!.ShouldEndWith("get_time returned: noon.");
        _log.Entries.ShouldBe(
        [
            "trace in", "trace out",   // the request that calls the tool
            "trace in", "trace out",   // the call
            "trace in", "trace out",   // the request with its result
        ]);
    }

    [Fact]
    public void Generated_descriptors_say_where_they_can_be_attached()
    {
        CallHooks.ToBerlinHook.Stages.ShouldBe(HookStages.ToolCalls);
        CallHooks.TimeAsyncHook.Stages.ShouldBe(HookStages.ToolCall);
        CallHooks.ShoutHook.Stages.ShouldBe(HookStages.ModelCalls);
        CallHooks.CountTurnsAsyncHook.Stages.ShouldBe(HookStages.ModelCall);
        CallHooks.TraceAsyncHook.Stages.ShouldBe(HookStages.ToolCall | HookStages.ModelCall);
        CallHooks.TimeAsyncHook.Parameters.Select(p => p.Kind).ShouldBe([HookParameterKind.ToolCall, HookParameterKind.Next, HookParameterKind.Service]);
    }

    [Fact]
    public void The_runtime_refuses_a_generated_tool_hook_where_its_call_does_not_exist()
    {
        var agent = new Agent("a") { Model = new OfflineChatClient() };

        // AGNH121 reports these at compile time; what is tested here is the runtime's own check.
#pragma warning disable AGNH121
        Should.Throw<HookBindingException>(() => agent.PreHooks.Add(CallHooks.ToBerlinHook)).ParameterName.ShouldBe("call");
        Should.Throw<HookBindingException>(() => agent.PreToolHooks.Add(CallHooks.TimeAsyncHook)).ParameterName.ShouldBe("next");
        Should.Throw<HookBindingException>(() => agent.PostModelHooks.Add(CallHooks.BracketHook)).ParameterName.ShouldBe("call");
#pragma warning restore AGNH121
    }

    public void Dispose() => _services.Dispose();

    private RunOptions Options() => new() { Services = _services };

    private async Task<RunOutput> RunAsync(Agent agent, string message, bool streamed)
    {
        if (!streamed)
        {
            return await agent.RunAsync(message, Options());
        }

        RunOutput? output = null;
        await foreach (var runEvent in agent.RunStreamingAsync(message, Options()))
        {
            output = runEvent.Output;
        }

        return output!;
    }
}
