using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Benchmarks.ToolHooks;

/// <summary>
/// What one more layer costs at a model request (issue 22, part 9): Agno.Hooks' synchronous hooks before each request
/// (<see cref="Agent.PreModelHooks"/>) against chat middleware (<see cref="ChatClientBuilder"/>) under the same
/// <see cref="Agent"/>, one that hands the inner task back and one that awaits it (as Agent Framework's middleware sample
/// writes it). The same run as <see cref="ToolHookBenchmarks"/>'s (one tool call, two model requests), so each layer runs
/// twice an operation.
/// </summary>
/// <remarks>
/// A layer here costs a few nanoseconds a request, less than the run's noise over 19 layers (±10–30 ns a layer on a shared
/// machine), so the slope is taken over 99 layers, from 1 to 100.
/// </remarks>
[MemoryDiagnoser]
public class ModelHookBenchmarks
{
    private readonly ToolCallingChatClient _model = new();
    private readonly LookupTool _tool = new();
    private Agent _preModelHooked = null!;
    private Agent _chatMiddlewareAgent = null!;
    private Agent _asyncChatMiddlewareAgent = null!;

    /// <summary>Layers of each variant: hooks or middlewares.</summary>
    [ParamsSource(nameof(LayerCounts))]
    public int Layers { get; set; }

    /// <summary>0, 1 and 100 layers; under <c>--short</c> the two the per-layer slope is taken from.</summary>
    public static IEnumerable<int> LayerCounts => ShortMode.IsOn ? [1, 100] : [0, 1, 100];

    [GlobalSetup]
    public async Task Setup()
    {
        _preModelHooked = ToolRuns.Agent(_model, _tool, Layers, agent => agent.PreModelHooks, CountingLayers.ModelRequestHook);

        // The peer suite's chat middleware: Use(getResponseFunc, getStreamingResponseFunc) hands the inner task back, no
        // async method of its own; under the agent's loop it sees the same two requests as a hook before them.
        var chatBuilder = new ChatClientBuilder(_model);
        var asyncChatBuilder = new ChatClientBuilder(_model);
        for (var i = 0; i < Layers; i++)
        {
            chatBuilder.Use(CountingLayers.ChatMiddleware, CountingLayers.StreamingChatMiddleware);
            asyncChatBuilder.Use(CountingLayers.AsyncChatMiddleware, getStreamingResponseFunc: null);
        }

        _chatMiddlewareAgent = ToolRuns.Agent(chatBuilder.Build(), _tool, layers: 0);
        _asyncChatMiddlewareAgent = ToolRuns.Agent(asyncChatBuilder.Build(), _tool, layers: 0);

        await ToolRuns.VerifyAsync(_model, _tool, Layers,
            (nameof(PreModelHooks), async () => ToolRuns.Completed(await PreModelHooks()), 2),
            (nameof(ChatMiddlewareUnderAgent), async () => ToolRuns.Completed(await ChatMiddlewareUnderAgent()), 2),
            (nameof(AsyncChatMiddlewareUnderAgent), async () => ToolRuns.Completed(await AsyncChatMiddlewareUnderAgent()), 2));
    }

    [Benchmark(Description = "Agno.Hooks: Agent, PreModelHooks")]
    public Task<RunOutput> PreModelHooks() => _preModelHooked.RunAsync(ToolRuns.Message);

    [Benchmark(Baseline = true, Description = "M.E.AI: Agent over ChatClientBuilder.Use")]
    public Task<RunOutput> ChatMiddlewareUnderAgent() => _chatMiddlewareAgent.RunAsync(ToolRuns.Message);

    [Benchmark(Description = "M.E.AI: Agent over async ChatClientBuilder.Use")]
    public Task<RunOutput> AsyncChatMiddlewareUnderAgent() => _asyncChatMiddlewareAgent.RunAsync(ToolRuns.Message);
}
