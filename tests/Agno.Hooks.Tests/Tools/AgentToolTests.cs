using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Tests.Tools;

/// <summary>
/// Tools on our agent: M.E.AI's function-calling loop over the model, each call recorded in the run's output and told in
/// Agno's tool-call events, the call limit kept; on the offline model, which calls the tools a message names.
/// </summary>
public sealed class AgentToolTests
{
    private readonly List<string> _calls = [];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_model_calls_a_tool_and_answers_with_its_result(bool streamed)
    {
        var agent = new Agent("weather") { Model = new OfflineChatClient(), Tools = { Weather() } };

        var (output, events) = await StreamedOrNot.RunAsync(agent, "What is get_weather city=Paris like?", streamed);

        output.Status.ShouldBe(RunStatus.Completed);
        _calls.ShouldBe(["Paris"]);
        output.Content!.ShouldEndWith("get_weather returned: Sunny in Paris.");
        var tool = output.Tools.ShouldHaveSingleItem();
        tool.ToolName.ShouldBe("get_weather");
        tool.ToolCallId.ShouldBe("call_1");
        tool.ToolArgs!["city"]!.GetValue<string>().ShouldBe("Paris");
        tool.Result.ShouldBe("Sunny in Paris");
        tool.ToolCallError.ShouldBeFalse();
        tool.StartedAt.ShouldNotBeNull();
        tool.Duration.ShouldNotBeNull();
        if (streamed)
        {
            events.Select(e => e.Kind).Where(k => k is RunEventKind.ToolCallStarted or RunEventKind.ToolCallCompleted or RunEventKind.RunContent).Distinct()
                .ShouldBe([RunEventKind.ToolCallStarted, RunEventKind.ToolCallCompleted, RunEventKind.RunContent], "the call is told before it runs, then its result, then the answer");
            events.Single(e => e.Kind == RunEventKind.ToolCallStarted).Tool!.Result.ShouldBeNull();
            events.Single(e => e.Kind == RunEventKind.ToolCallCompleted).Tool.ShouldBeSameAs(tool);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failing_tool_is_recorded_as_an_error_and_the_model_is_told_it_failed(bool streamed)
    {
        var broken = AIFunctionFactory.Create(string () => throw new InvalidOperationException("secret connection string"), "get_stock");
        var agent = new Agent("stock") { Model = new OfflineChatClient(), Tools = { broken } };

        var (output, events) = await StreamedOrNot.RunAsync(agent, "Call get_stock please", streamed);

        output.Status.ShouldBe(RunStatus.Completed, "a tool's failure is the model's to handle");
        var tool = output.Tools.ShouldHaveSingleItem();
        tool.ToolCallError.ShouldBeTrue();
        tool.Result.ShouldBe("The tool failed.");
        output.Content!.ShouldEndWith("get_stock returned: The tool failed.");
        output.Content.ShouldNotContain("secret");
        if (streamed)
        {
            events.Single(e => e.Kind == RunEventKind.ToolCallError).Tool.ShouldBeSameAs(tool);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Calls_past_the_limit_are_not_run_and_the_model_then_answers(bool streamed)
    {
        var agent = new Agent("limited") { Model = new OfflineChatClient(), Tools = { Weather(), Clock() }, ToolCallLimit = 1 };

        var (output, _) = await StreamedOrNot.RunAsync(agent, "get_weather city=Oslo and get_time", streamed);

        output.Status.ShouldBe(RunStatus.Completed);
        _calls.ShouldBe(["Oslo"], "the second call is past the limit");
        output.Tools.Select(t => (t.ToolName, t.ToolCallError)).ShouldBe([("get_weather", false), ("get_time", true)]);
        output.Tools[1].Result.ShouldBe("Tool call limit reached: this call was not run. Answer with what you have.");
        output.Content!.ShouldContain("get_weather returned: Sunny in Oslo.");
    }

    [Fact]
    public void The_offline_model_calls_only_tools_the_message_names_as_words()
    {
        var options = new ChatOptions { Tools = [Weather(), Clock()] };

        OfflineChatClient.ToolCalls([new ChatMessage(ChatRole.User, "no tools here, get_weathers or xget_time")], options).ShouldBeEmpty();
        var calls = OfflineChatClient.ToolCalls([new ChatMessage(ChatRole.User, "GET_TIME then get_weather city=\"New York\" days=3 metric=true")], options);
        calls.Select(c => c.Name).ShouldBe(["get_weather", "get_time"], "in the order offered");
        calls[0].Arguments!["city"].ShouldBeOfType<System.Text.Json.JsonElement>().GetString().ShouldBe("New York");
        ((System.Text.Json.JsonElement)calls[0].Arguments!["days"]!).GetInt32().ShouldBe(3);
        ((System.Text.Json.JsonElement)calls[0].Arguments!["metric"]!).GetBoolean().ShouldBeTrue();
        OfflineChatClient.ToolCalls([new ChatMessage(ChatRole.User, "get_time")], new ChatOptions { Tools = [Clock()], ToolMode = ChatToolMode.None }).ShouldBeEmpty();
    }

    [Fact]
    public void A_result_of_content_is_recorded_as_its_text_and_other_content_as_its_JSON()
    {
        ToolInvoker.Text(new TextContent("Sunny")).ShouldBe("Sunny");
        ToolInvoker.Text(new AIContent[] { new TextContent("Sunny"), new TextContent("Windy") }).ShouldBe("Sunny\nWindy", "a line for each content");
        var image = ToolInvoker.Text(new DataContent(new byte[] { 1, 2, 3 }, "image/png"));
        image.ShouldStartWith("{");
        image.ShouldContain("data:image/png;base64,AQID");
    }

    private AIFunction Weather() => AIFunctionFactory.Create((string city) =>
    {
        _calls.Add(city);
        return $"Sunny in {city}";
    }, "get_weather");

    private static AIFunction Clock() => AIFunctionFactory.Create(() => "noon", "get_time");
}
