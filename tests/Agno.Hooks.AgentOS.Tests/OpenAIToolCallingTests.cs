using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Agno.Hooks.Testing;
using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>
/// Tool calling on a real provider path (issue 22): an agent on the real OpenAI client, against the fake
/// OpenAI-compatible server on loopback, which answers with <c>tool_calls</c> (streamed: the arguments split across
/// chunks), then, once the tool's result comes back in a <c>tool</c> message, with text quoting it. The tool runs with
/// the model's arguments, the run records the call, and what the provider receives is the result as the hooks left it.
/// Streamed and not.
/// </summary>
public sealed class OpenAIToolCallingTests
{
    private static readonly HookParameter CallParameter = new("call", HookParameterKind.ToolCall, typeof(ToolCall));

    private readonly List<string> _cities = [];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_provider_asks_for_a_tool_the_agent_runs_it_and_the_provider_answers_from_its_result(bool streamed)
    {
        await using var openAI = await FakeOpenAIServer.StartAsync();
        var agent = WeatherAgent(openAI);

        var (output, events) = await StreamedOrNot.RunAsync(agent, "What is get_weather city=Paris like?", streamed);

        _cities.ShouldBe(["Paris"], "the tool ran once, with the provider's arguments");
        output.Status.ShouldBe(RunStatus.Completed);
        output.Content.ShouldBe("get_weather returned: \"Sunny in Paris\".", "the provider quotes the result as it got it, as JSON (below)");
        output.Model.ShouldBe(RealOpenAIClient.Model);
        var tool = output.Tools.ShouldHaveSingleItem();
        tool.ToolCallId.ShouldBe("call_fake_1", "the provider's call id");
        tool.ToolName.ShouldBe("get_weather");
        tool.ToolArgs!["city"]!.GetValue<string>().ShouldBe("Paris");
        tool.Result.ShouldBe("Sunny in Paris");
        tool.ToolCallError.ShouldBeFalse();

        // The first request offered the tool; the second carried the call back and its result, with the call's id.
        var requests = openAI.Requests;
        requests.Count.ShouldBe(2);
        requests.ShouldAllBe(r => (r.Body["stream"] != null && r.Body["stream"]!.GetValue<bool>()) == streamed);
        var offered = requests[0].Body["tools"]!.AsArray().ShouldHaveSingleItem()!;
        offered["function"]!["name"]!.GetValue<string>().ShouldBe("get_weather");
        offered["function"]!["parameters"]!["properties"]!["city"].ShouldNotBeNull();
        var messages = requests[1].Body["messages"]!.AsArray();
        var call = messages[^2]!;
        call["role"]!.GetValue<string>().ShouldBe("assistant");
        var asked = call["tool_calls"]!.AsArray().ShouldHaveSingleItem()!;
        asked["id"]!.GetValue<string>().ShouldBe("call_fake_1");
        JsonNode.Parse(asked["function"]!["arguments"]!.GetValue<string>())!["city"]!.GetValue<string>().ShouldBe("Paris", "the arguments, put back together from their chunks");
        var result = messages[^1]!;
        result["role"]!.GetValue<string>().ShouldBe("tool");
        result["tool_call_id"]!.GetValue<string>().ShouldBe("call_fake_1");
        ToolMessageText(result).ShouldBe("\"Sunny in Paris\"", "AIFunctionFactory's result is a JSON string, which M.E.AI sends as JSON");

        if (streamed)
        {
            events.Single(e => e.Kind == RunEventKind.ToolCallStarted).Tool!.ToolCallId.ShouldBe("call_fake_1");
            events.Single(e => e.Kind == RunEventKind.ToolCallCompleted).Tool.ShouldBeSameAs(tool);
            var deltas = events.Where(e => e.Kind == RunEventKind.RunContent).Select(e => e.Content).ToList();
            deltas.Count.ShouldBeGreaterThan(1, "the answer streamed in several chunks");
            string.Concat(deltas).ShouldBe(output.Content);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hook_after_the_call_edits_the_result_the_provider_receives(bool streamed)
    {
        await using var openAI = await FakeOpenAIServer.StartAsync();
        var agent = WeatherAgent(openAI, result: "Sunny in Paris; forecaster on call: 555-123-4567");
        agent.PostToolHooks.Add(new HookDescriptor("mask-phone", [CallParameter], context =>
        {
            var call = context.RequiredToolCall;
            call.Result = call.Result!.ToString()!.Replace("555-123-4567", "[phone]", StringComparison.Ordinal);
        }));

        var (output, _) = await StreamedOrNot.RunAsync(agent, "get_weather city=Paris", streamed);

        const string Edited = "Sunny in Paris; forecaster on call: [phone]";
        var requests = openAI.Requests;
        requests.Count.ShouldBe(2);
        ToolMessageText(requests[1].Body["messages"]!.AsArray()[^1]!).ShouldBe(Edited, "the provider got the result as the hook left it");
        requests.ShouldAllBe(r => !r.Body.ToJsonString().Contains("555-123-4567"), "the raw result never reached the provider");
        output.Tools.ShouldHaveSingleItem().Result.ShouldBe(Edited);
        output.Content.ShouldBe($"get_weather returned: {Edited}.");
    }

    /// <summary>An agent on the real OpenAI client with one tool, which returns <paramref name="result"/> or the weather in the city it is given.</summary>
    private Agent WeatherAgent(FakeOpenAIServer openAI, string? result = null) => new("weather")
    {
        Model = RealOpenAIClient.Against(openAI),
        Tools =
        {
            AIFunctionFactory.Create((string city) =>
            {
                _cities.Add(city);
                return result ?? $"Sunny in {city}";
            }, "get_weather", "The weather in a city."),
        },
    };

    /// <summary>A <c>tool</c> message's content: a string, or text parts.</summary>
    private static string ToolMessageText(JsonNode message) => message["content"] switch
    {
        JsonArray parts => string.Concat(parts.Select(part => part!["text"]!.GetValue<string>())),
        var content => content!.GetValue<string>(),
    };
}
