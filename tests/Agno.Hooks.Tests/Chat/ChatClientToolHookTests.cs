using Microsoft.Extensions.AI;

namespace Agno.Hooks.Tests.Chat;

/// <summary>
/// Tool and model hooks on any chat-client pipeline through <c>UseAgnoHooks</c>: the layer runs the tool loop itself
/// (M.E.AI's FunctionInvokingChatClient, the model hooks under it), or takes over the function invoking of a loop the
/// pipeline already has under it.
/// </summary>
public sealed class ChatClientToolHookTests
{
    private static readonly HookParameter CallParameter = new("call", HookParameterKind.ToolCall, typeof(ToolCall));
    private static readonly HookParameter RequestParameter = new("request", HookParameterKind.ModelRequest, typeof(ModelRequest));

    private readonly List<string> _log = [];

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Tool_hooks_run_at_each_call_whether_the_layer_or_the_pipeline_runs_the_loop(bool streamed, bool pipelineLoop)
    {
        var builder = new ChatClientBuilder(new OfflineChatClient());
        AgnoHooksChatClient? hooks = null;
        builder.UseAgnoHooks(h =>
        {
            hooks = h;
            h.PreToolHooks.Add(new HookDescriptor("to-oslo", [CallParameter], context => context.RequiredToolCall.Arguments["city"] = "Oslo"));
            h.PostToolHooks.Add(new HookDescriptor("audit", [CallParameter], context => _log.Add($"{context.RequiredToolCall.Name}: {context.RequiredToolCall.Result}")));
        });
        if (pipelineLoop)
        {
            builder.UseFunctionInvocation();
        }

        var client = builder.Build();
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string city) => $"Sunny in {city}", "get_weather")] };

        var text = await AnswerAsync(client, "get_weather city=Paris", options, streamed);

        text.ShouldContain("get_weather returned: Sunny in Oslo.");
        _log.ShouldBe(["get_weather: Sunny in Oslo"]);
    }

    [Fact]
    public async Task Model_hooks_run_at_each_request_of_the_layers_loop_and_refuse_a_pipeline_loop_under_it()
    {
        var hook = new HookDescriptor("count", [RequestParameter], context => _log.Add($"request({context.RequiredModelRequest.Messages.Count})"));
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(() => "noon", "get_time")] };
        var own = new ChatClientBuilder(new OfflineChatClient()).UseAgnoHooks(h => h.PreModelHooks.Add(hook)).Build();

        (await own.GetResponseAsync("get_time", options)).Text.ShouldContain("get_time returned: noon.");
        _log.ShouldBe(["request(1)", "request(3)"]);

        var underLoop = new ChatClientBuilder(new OfflineChatClient()).UseAgnoHooks(h => h.PreModelHooks.Add(hook)).UseFunctionInvocation().Build();
        (await Should.ThrowAsync<InvalidOperationException>(() => underLoop.GetResponseAsync("get_time", options))).Message.ShouldContain("remove it; UseAgnoHooks runs M.E.AI's FunctionInvokingChatClient itself");
    }

    private static async Task<string> AnswerAsync(IChatClient client, string message, ChatOptions options, bool streamed)
    {
        if (!streamed)
        {
            return (await client.GetResponseAsync(message, options)).Text;
        }

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(message, options))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse().Text;
    }
}
