using BenchmarkDotNet.Attributes;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Benchmarks.ToolHooks;

/// <summary>
/// What one more layer costs at a tool call (issue 22, part 9), every variant on the same model
/// (<see cref="ToolCallingChatClient"/>), the same tool (<see cref="LookupTool"/>) and the one user message: each operation
/// is one run of two model requests with one tool call between them, through M.E.AI's <see cref="FunctionInvokingChatClient"/>.
/// Agno.Hooks' synchronous hooks before the call, after it and around it on its <see cref="Agent"/>; its hooks before it
/// on an Agent Framework <see cref="ChatClientAgent"/> (<c>UseAgnoHooks</c>); Agent Framework function middleware on the
/// same kind of agent; a chain of the loop's own <see cref="FunctionInvokingChatClient.FunctionInvoker"/>. Each has
/// <see cref="Layers"/> layers (<see cref="CountingLayers"/>); the bare loop is the baseline. The per-layer slopes are
/// printed after the run (<see cref="Reporting.SlopeReport"/>); model hooks are <see cref="ModelHookBenchmarks"/>.
/// </summary>
/// <remarks>
/// The agents run as their users call them: <c>RunAsync(string)</c>, the Agent Framework ones without a session (so each
/// run creates one, as in the peer suite).
/// </remarks>
[MemoryDiagnoser]
public class ToolHookBenchmarks
{
    private readonly ToolCallingChatClient _model = new();
    private readonly LookupTool _tool = new();
    private readonly ChatMessage[] _messages = [new(ChatRole.User, ToolRuns.Message)];
    private ChatOptions _options = null!;
    private ServiceProvider _services = null!;
    private IChatClient _bareLoop = null!;
    private IChatClient _invokerChainLoop = null!;
    private Agent _preToolHooked = null!;
    private Agent _postToolHooked = null!;
    private Agent _aroundToolHooked = null!;
    private AIAgent _agnoToolHookedAgent = null!;
    private AIAgent _functionMiddlewareAgent = null!;

    /// <summary>Layers of each variant: hooks, middlewares or function invokers.</summary>
    [ParamsSource(nameof(LayerCounts))]
    public int Layers { get; set; }

    /// <summary>
    /// 0, 1 and 20 layers; under <c>--short</c> the two the per-layer slope is taken from (14 cases, ~25 s, instead of 21).
    /// At 0 every variant is its host alone: the first layer's cost (0 → 1) is read from a full run.
    /// </summary>
    public static IEnumerable<int> LayerCounts => ShortMode.IsOn ? [1, 20] : [0, 1, 20];

    [GlobalSetup]
    public async Task Setup()
    {
        _options = new ChatOptions { Tools = [_tool] };
        _bareLoop = new FunctionInvokingChatClient(_model);

        Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? invoker = null;
        for (var i = 0; i < Layers; i++)
        {
            invoker = CountingLayers.FunctionInvokerOver(invoker);
        }

        _invokerChainLoop = new FunctionInvokingChatClient(_model) { FunctionInvoker = invoker };

        _preToolHooked = ToolRuns.Agent(_model, _tool, Layers, agent => agent.PreToolHooks, CountingLayers.ToolCallHook);
        _postToolHooked = ToolRuns.Agent(_model, _tool, Layers, agent => agent.PostToolHooks, CountingLayers.ToolCallHook);
        _aroundToolHooked = ToolRuns.Agent(_model, _tool, Layers, agent => agent.ToolHooks, CountingLayers.AroundToolCallHook);

        // One ChatClientAgent each: UseAgnoHooks takes over its inner agent's loop, which the middleware agent must not share.
        _services = new ServiceCollection().AddAgnoHooks().Services.BuildServiceProvider();
        _agnoToolHookedAgent = ChatClientAgent().AsBuilder().UseAgnoHooks(hooks =>
        {
            for (var i = 0; i < Layers; i++)
            {
                hooks.PreToolHooks.Add(CountingLayers.ToolCallHook);
            }
        }).Build(_services);

        var agentBuilder = ChatClientAgent().AsBuilder();
        for (var i = 0; i < Layers; i++)
        {
            agentBuilder.Use(CountingLayers.FunctionMiddleware);
        }

        _functionMiddlewareAgent = agentBuilder.Build();

        await ToolRuns.VerifyAsync(_model, _tool, Layers,
            (nameof(BareToolLoop), async () => (await BareToolLoop()).Text, 0),
            (nameof(FunctionInvokerChain), async () => (await FunctionInvokerChain()).Text, 1),
            (nameof(PreToolHooks), async () => ToolRuns.Completed(await PreToolHooks()), 1),
            (nameof(PostToolHooks), async () => ToolRuns.Completed(await PostToolHooks()), 1),
            (nameof(AroundToolHooks), async () => ToolRuns.Completed(await AroundToolHooks()), 1),
            (nameof(PreToolHooksOnChatClientAgent), async () => (await PreToolHooksOnChatClientAgent()).Text, 1),
            (nameof(AgentFrameworkFunctionMiddleware), async () => (await AgentFrameworkFunctionMiddleware()).Text, 1));
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _services.DisposeAsync();

    [Benchmark(Baseline = true, Description = "Bare FunctionInvokingChatClient")]
    public Task<ChatResponse> BareToolLoop() => _bareLoop.GetResponseAsync(_messages, _options);

    [Benchmark(Description = "M.E.AI: FunctionInvoker chain")]
    public Task<ChatResponse> FunctionInvokerChain() => _invokerChainLoop.GetResponseAsync(_messages, _options);

    [Benchmark(Description = "Agno.Hooks: Agent, PreToolHooks")]
    public Task<RunOutput> PreToolHooks() => _preToolHooked.RunAsync(ToolRuns.Message);

    [Benchmark(Description = "Agno.Hooks: Agent, PostToolHooks")]
    public Task<RunOutput> PostToolHooks() => _postToolHooked.RunAsync(ToolRuns.Message);

    [Benchmark(Description = "Agno.Hooks: Agent, ToolHooks (around)")]
    public Task<RunOutput> AroundToolHooks() => _aroundToolHooked.RunAsync(ToolRuns.Message);

    [Benchmark(Description = "Agno.Hooks: ChatClientAgent + UseAgnoHooks, PreToolHooks")]
    public Task<AgentResponse> PreToolHooksOnChatClientAgent() => _agnoToolHookedAgent.RunAsync(ToolRuns.Message);

    [Benchmark(Description = "MAF: ChatClientAgent + function middleware")]
    public Task<AgentResponse> AgentFrameworkFunctionMiddleware() => _functionMiddlewareAgent.RunAsync(ToolRuns.Message);

    private ChatClientAgent ChatClientAgent() => new(_model, name: "bench-agent", tools: [_tool]);
}
