using Microsoft.Extensions.AI;

namespace Agno.Hooks.Tests.Models;

/// <summary>
/// Hooks at each request to the model inside a run: before it (change the messages, answer in the model's place, reject
/// the run), after it (change the response), around it (each turn of the tool loop); streamed and not.
/// </summary>
public sealed class ModelHookTests
{
    private static readonly HookParameter RequestParameter = new("request", HookParameterKind.ModelRequest, typeof(ModelRequest));
    private static readonly HookParameter NextParameter = new("next", HookParameterKind.Next, typeof(HookNext));

    private readonly CountingModel _model = new();
    private readonly List<string> _log = [];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hook_before_the_request_changes_its_messages(bool streamed)
    {
        var agent = Agent();
        agent.PreModelHooks.Add(Hook("shout", request => request.Messages[^1] = new ChatMessage(ChatRole.User, request.Messages[^1].Text.ToUpperInvariant())));

        var (output, deltas) = await RunAsync(agent, "hello there", streamed);

        output.Content!.ShouldStartWith("You said: \"HELLO THERE\".");
        if (streamed)
        {
            deltas.ShouldBeGreaterThan(1, "a hook before the request leaves the model's stream as it comes");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hook_before_the_request_may_answer_in_the_models_place(bool streamed)
    {
        var agent = Agent();
        agent.PreModelHooks.Add(Hook("cache", request => request.Response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "From the cache."))));

        var (output, _) = await RunAsync(agent, "hello", streamed);

        output.Content.ShouldBe("From the cache.");
        _model.Calls.ShouldBe(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hook_after_the_request_changes_the_response(bool streamed)
    {
        var agent = Agent();
        agent.PostModelHooks.Add(Hook("sign", request => request.Response!.Messages[^1].Contents.Add(new TextContent(" -- checked"))));

        var (output, _) = await RunAsync(agent, "hello", streamed);

        output.Content!.ShouldEndWith(" -- checked");
        _model.Calls.ShouldBe(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hooks_around_the_request_run_at_each_turn_of_the_tool_loop(bool streamed)
    {
        var agent = Agent();
        agent.Tools.Add(AIFunctionFactory.Create(() => "noon", "get_time"));
        agent.ModelHooks.Add(new HookDescriptor("around", async context =>
        {
            _log.Add($"in({context.RequiredModelRequest.Messages.Count})");
            await context.RequiredNext();
            _log.Add("out");
        }, [RequestParameter, NextParameter]));

        var (output, _) = await RunAsync(agent, "get_time please", streamed);

        _log.ShouldBe(["in(1)", "out", "in(3)", "out"], "the call's turn, then the answer's with the call and its result");
        output.Content!.ShouldEndWith("get_time returned: noon.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_guardrail_before_the_request_rejects_the_run(bool streamed)
    {
        var agent = Agent();
        agent.PreModelHooks.Add(new HookDescriptor("budget", [RequestParameter], _ => throw new InputCheckException("Over budget", CheckTrigger.InputNotAllowed)) { Guardrail = true });

        var (output, deltas) = await RunAsync(agent, "hello", streamed);

        output.Status.ShouldBe(RunStatus.Error);
        output.ErrorType.ShouldBe(InputCheckException.Type);
        output.Content.ShouldBe("Over budget");
        _model.Calls.ShouldBe(0);
        deltas.ShouldBe(0);
    }

    [Fact]
    public void Model_hooks_attach_only_to_model_lists()
    {
        var agent = Agent();
        var hook = Hook("h", _ => { });

        Should.Throw<HookBindingException>(() => agent.PreToolHooks.Add(hook)).Message.ShouldContain("is a model request, so it can only be a model hook");
        Should.Throw<HookBindingException>(() => agent.PostHooks.Add(hook));
        agent.PostModelHooks.Add(hook);
    }

    private Agent Agent() => new("agent") { Model = _model };

    private static HookDescriptor Hook(string name, Action<ModelRequest> body) =>
        new(name, [RequestParameter], context => body(context.RequiredModelRequest));

    private static async Task<(RunOutput Output, int Deltas)> RunAsync(Agent agent, string message, bool streamed)
    {
        if (!streamed)
        {
            return (await agent.RunAsync(message), 0);
        }

        RunOutput? output = null;
        var deltas = 0;
        await foreach (var runEvent in agent.RunStreamingAsync(message))
        {
            output = runEvent.Output;
            deltas += runEvent.Kind == RunEventKind.RunContent ? 1 : 0;
        }

        return (output!, deltas);
    }

    /// <summary>The offline model, counting its requests.</summary>
    private sealed class CountingModel : IChatClient
    {
        private readonly OfflineChatClient _inner = new();

        public int Calls { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return _inner.GetResponseAsync(messages, options, cancellationToken);
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return _inner.GetStreamingResponseAsync(messages, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

        public void Dispose()
        {
        }
    }
}
