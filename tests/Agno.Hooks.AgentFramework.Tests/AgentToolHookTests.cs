using Microsoft.Agents.AI;

namespace Agno.Hooks.AgentFramework.Tests;

/// <summary>
/// Tool hooks on an Agent Framework agent through <c>UseAgnoHooks</c>: they run in the agent's own tool loop (a
/// ChatClientAgent's FunctionInvokingChatClient), and each call is recorded in the run, streamed and not.
/// </summary>
public sealed class AgentToolHookTests
{
    private static readonly HookParameter CallParameter = new("call", HookParameterKind.ToolCall, typeof(ToolCall));

    private readonly List<string> _log = [];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tool_hooks_run_in_the_agents_own_loop(bool streamed)
    {
        RunOutput? recorded = null;
        var inner = new ChatClientAgent(new OfflineChatClient(), name: "weather", tools: [AIFunctionFactory.Create((string city) =>
        {
            _log.Add($"tool({city})");
            return $"Sunny in {city}";
        }, "get_weather")]);
        var agent = inner.AsBuilder().UseAgnoHooks(h =>
        {
            h.PreToolHooks.Add(new HookDescriptor("to-oslo", [CallParameter], context => context.RequiredToolCall.Arguments["city"] = "Oslo"));
            h.PostToolHooks.Add(new HookDescriptor("mask", [CallParameter], context => context.RequiredToolCall.Result = "[weather]"));
            h.PostHooks.Add(new HookDescriptor("keep", [new HookParameter("output", HookParameterKind.RunOutput, typeof(RunOutput))], context => recorded = context.RequiredOutput));
        }).Build();

        string text;
        if (streamed)
        {
            var updates = new List<AgentResponseUpdate>();
            await foreach (var update in agent.RunStreamingAsync("get_weather city=Paris"))
            {
                updates.Add(update);
            }

            text = string.Concat(updates.Select(u => u.Text));
        }
        else
        {
            text = (await agent.RunAsync("get_weather city=Paris")).Text;
        }

        _log.ShouldBe(["tool(Oslo)"]);
        text.ShouldContain("get_weather returned: [weather].");
        var tool = recorded.ShouldNotBeNull().Tools.ShouldHaveSingleItem();
        (tool.ToolName, tool.Result, tool.ToolCallError).ShouldBe(("get_weather", "[weather]", false));
        tool.ToolArgs!["city"]!.GetValue<string>().ShouldBe("Oslo");
    }
}
