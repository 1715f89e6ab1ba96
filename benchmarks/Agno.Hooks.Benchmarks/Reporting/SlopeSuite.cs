using Agno.Hooks.Benchmarks.Peers;
using Agno.Hooks.Benchmarks.ToolHooks;

namespace Agno.Hooks.Benchmarks.Reporting;

/// <summary>A suite whose per-layer slopes <see cref="SlopeReport"/> prints: its layered variants, each with the peer it is compared with.</summary>
/// <param name="Type">The benchmark class; its cases have a <c>Layers</c> parameter.</param>
/// <param name="Variants">The layered variants, in the table's order; a variant compared with two peers is listed twice.</param>
/// <param name="ManyLayers">The layer count the slope runs to, from 1.</param>
public sealed record SlopeSuite(Type Type, IReadOnlyList<SlopeVariant> Variants, int ManyLayers = 20)
{
    /// <summary>The peer suite: Agno.Hooks' run hooks against one Agent Framework run middleware.</summary>
    public static SlopeSuite Peers { get; } = new(typeof(PeerBenchmarks),
    [
        new(nameof(PeerBenchmarks.AgnoHooksOnAgent), nameof(PeerBenchmarks.AgentFrameworkRunMiddleware)),
        new(nameof(PeerBenchmarks.AgnoHooksOnChatClientAgent), nameof(PeerBenchmarks.AgentFrameworkRunMiddleware)),
        new(nameof(PeerBenchmarks.AgentFrameworkRunMiddleware)),
        new(nameof(PeerBenchmarks.ChatClientMiddleware)),
    ]);

    /// <summary>The tool-hook suite: each tool hook against one Agent Framework function middleware.</summary>
    public static SlopeSuite ToolHooks { get; } = new(typeof(ToolHookBenchmarks),
    [
        new(nameof(ToolHookBenchmarks.PreToolHooks), nameof(ToolHookBenchmarks.AgentFrameworkFunctionMiddleware)),
        new(nameof(ToolHookBenchmarks.PostToolHooks), nameof(ToolHookBenchmarks.AgentFrameworkFunctionMiddleware)),
        new(nameof(ToolHookBenchmarks.AroundToolHooks), nameof(ToolHookBenchmarks.AgentFrameworkFunctionMiddleware)),
        new(nameof(ToolHookBenchmarks.PreToolHooksOnChatClientAgent), nameof(ToolHookBenchmarks.AgentFrameworkFunctionMiddleware)),
        new(nameof(ToolHookBenchmarks.AgentFrameworkFunctionMiddleware)),
        new(nameof(ToolHookBenchmarks.FunctionInvokerChain)),
    ]);

    /// <summary>The model-hook suite: a hook before the model request against one chat middleware under the same agent, of either form.</summary>
    public static SlopeSuite ModelHooks { get; } = new(typeof(ModelHookBenchmarks),
    [
        new(nameof(ModelHookBenchmarks.PreModelHooks), nameof(ModelHookBenchmarks.ChatMiddlewareUnderAgent)),
        new(nameof(ModelHookBenchmarks.PreModelHooks), nameof(ModelHookBenchmarks.AsyncChatMiddlewareUnderAgent)),
        new(nameof(ModelHookBenchmarks.ChatMiddlewareUnderAgent)),
        new(nameof(ModelHookBenchmarks.AsyncChatMiddlewareUnderAgent)),
    ], ManyLayers: 100);
}

/// <summary>One layered variant of a <see cref="SlopeSuite"/>.</summary>
/// <param name="Method">The benchmark method.</param>
/// <param name="ComparedWith">The method whose slope this one's is divided by; null for a variant shown for scale.</param>
public sealed record SlopeVariant(string Method, string? ComparedWith = null);
