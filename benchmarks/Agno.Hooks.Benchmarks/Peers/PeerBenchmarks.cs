using Agno.Hooks.Benchmarks.Runs;
using BenchmarkDotNet.Attributes;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Benchmarks.Peers;

/// <summary>
/// What one more hook costs, next to what one more middleware costs in Microsoft's own pipelines, all on one
/// <see cref="OfflineChatClient"/> and the one user message "Hello, hooks": Agno.Hooks on its own <see cref="Agent"/>,
/// Agno.Hooks on an Agent Framework <see cref="ChatClientAgent"/> (<c>UseAgnoHooks</c>), Agent Framework run middleware
/// (<see cref="AIAgentBuilder"/>), Microsoft.Extensions.AI chat middleware (<see cref="ChatClientBuilder"/>), and the
/// bare agent and chat client. Each of the first four has <see cref="Layers"/> no-op layers; the per-layer slope
/// between 1 and 20 layers is printed after the run (<see cref="Reporting.SlopeReport"/>).
/// </summary>
/// <remarks>
/// Every Agent Framework run is a one-shot <c>RunAsync(string)</c> without a session, as the framework's own samples
/// make one: <see cref="ChatClientAgent"/> then creates a session for the run, and <see cref="AgnoHooksAgent"/> asks the
/// inner agent for that same session before it runs the hooks, so each Agent Framework variant creates exactly one per run.
/// </remarks>
[MemoryDiagnoser]
public class PeerBenchmarks
{
    public const string Message = "Hello, hooks";

    private readonly IChatClient _model = new OfflineChatClient();
    // The chat-client variants take the message built once, as AgentRunBenchmarks does; the agents take the text, as
    // RunAsync(string) is called, and build it on every run.
    private readonly ChatMessage[] _messages = [new(ChatRole.User, Message)];
    private ServiceProvider _services = null!;
    private ChatClientAgent _bareAgent = null!;
    private Agent _agnoAgent = null!;
    private AIAgent _agnoHookedAgent = null!;
    private AIAgent _middlewareAgent = null!;
    private IChatClient _middlewareClient = null!;

    /// <summary>
    /// No-op layers: hooks for the Agno variants, middlewares for Microsoft's. <c>UseAgnoHooks</c> is one layer of the agent
    /// pipeline whatever its hooks, so at 0 that variant still pays the adapter; the slope from 1 to 20 leaves it out.
    /// </summary>
    [ParamsSource(nameof(LayerCounts))]
    public int Layers { get; set; }

    /// <summary>
    /// 0, 1, 5 and 20 layers; under <c>--short</c> only the two the per-layer slope is taken from. A short case takes
    /// about 1.7 s here (pilot, 3 + 3 iterations of 100 ms, the memory pass), so that is 12 cases and ~20 s instead of
    /// 24 and ~40 s, in a short run whose other suites already use its whole budget.
    /// </summary>
    public static IEnumerable<int> LayerCounts => ShortMode.IsOn ? [1, 20] : [0, 1, 5, 20];

    [GlobalSetup]
    public async Task Setup()
    {
        _agnoAgent = new Agent("bench-agent") { Model = _model };
        for (var i = 0; i < Layers; i++)
        {
            (i % 2 == 0 ? _agnoAgent.PreHooks : _agnoAgent.PostHooks).Add(RunHooks.NoopHook);
        }

        _bareAgent = new ChatClientAgent(_model, name: "bench-agent");

        // The hooks resolve nothing and none runs in the background; the container is what a DI user builds the agent with.
        _services = new ServiceCollection().AddAgnoHooks().Services.BuildServiceProvider();
        _agnoHookedAgent = _bareAgent.AsBuilder().UseAgnoHooks(hooks =>
        {
            for (var i = 0; i < Layers; i++)
            {
                (i % 2 == 0 ? hooks.PreHooks : hooks.PostHooks).Add(RunHooks.NoopHook);
            }
        }).Build(_services);

        // The run-middleware overload with both delegates: each one returns the inner agent's task or stream as is. The
        // shared-delegate overload (Use(messages, session, options, next, ct)) is not a pass-through: it awaits the inner run
        // in an extra async method to capture its response, and streams through a channel fed by another task.
        var agentBuilder = _bareAgent.AsBuilder();
        for (var i = 0; i < Layers; i++)
        {
            agentBuilder.Use(
                runFunc: static (messages, session, options, inner, cancellationToken) => inner.RunAsync(messages, session, options, cancellationToken),
                runStreamingFunc: static (messages, session, options, inner, cancellationToken) => inner.RunStreamingAsync(messages, session, options, cancellationToken));
        }

        _middlewareAgent = agentBuilder.Build();

        // The same choice for chat middleware: Use(getResponseFunc, getStreamingResponseFunc) hands the inner client's task
        // or stream back as is; the shared-delegate overload (Use(messages, options, next, ct)) adds an async method and a
        // captured response per call (and a channel and a task when streaming), so it is not a no-op pass-through.
        var chatBuilder = new ChatClientBuilder(_model);
        for (var i = 0; i < Layers; i++)
        {
            chatBuilder.Use(
                getResponseFunc: static (messages, options, inner, cancellationToken) => inner.GetResponseAsync(messages, options, cancellationToken),
                getStreamingResponseFunc: static (messages, options, inner, cancellationToken) => inner.GetStreamingResponseAsync(messages, options, cancellationToken));
        }

        _middlewareClient = chatBuilder.Build();

        await VerifyEveryVariantAnswersAlikeAsync();
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _services.DisposeAsync();

    [Benchmark(Description = "Agno.Hooks: Agent.RunAsync")]
    public Task<RunOutput> AgnoHooksOnAgent() => _agnoAgent.RunAsync(Message);

    [Benchmark(Description = "Agno.Hooks: ChatClientAgent + UseAgnoHooks")]
    public Task<AgentResponse> AgnoHooksOnChatClientAgent() => _agnoHookedAgent.RunAsync(Message);

    [Benchmark(Description = "MAF: ChatClientAgent + AIAgentBuilder.Use")]
    public Task<AgentResponse> AgentFrameworkRunMiddleware() => _middlewareAgent.RunAsync(Message);

    [Benchmark(Description = "M.E.AI: IChatClient + ChatClientBuilder.Use")]
    public Task<ChatResponse> ChatClientMiddleware() => _middlewareClient.GetResponseAsync(_messages);

    [Benchmark(Description = "Bare ChatClientAgent.RunAsync")]
    public Task<AgentResponse> BareChatClientAgent() => _bareAgent.RunAsync(Message);

    [Benchmark(Baseline = true, Description = "Bare IChatClient call")]
    public Task<ChatResponse> BareChatClient() => _model.GetResponseAsync(_messages);

    /// <summary>Fails the case when a variant's pipeline does not reach the model, or its hooks did not all run.</summary>
    private async Task VerifyEveryVariantAnswersAlikeAsync()
    {
        var expected = (await BareChatClient()).Text;
        var sinkBefore = RunHooks.Sink;
        string[] answers =
        [
            (await AgnoHooksOnAgent()).Content ?? string.Empty,
            (await AgnoHooksOnChatClientAgent()).Text,
            (await AgentFrameworkRunMiddleware()).Text,
            (await ChatClientMiddleware()).Text,
            (await BareChatClientAgent()).Text,
        ];
        if (answers.Any(answer => answer != expected))
        {
            throw new InvalidOperationException($"A variant answered differently from the bare model ('{expected}'): {string.Join(" | ", answers)}");
        }

        // Each run of the two Agno variants adds the message's length once per hook.
        var expectedSinkGrowth = 2L * Layers * Message.Length;
        if (RunHooks.Sink - sinkBefore != expectedSinkGrowth)
        {
            throw new InvalidOperationException($"The Agno variants' hooks added {RunHooks.Sink - sinkBefore} to the sink, not {expectedSinkGrowth}.");
        }
    }
}
