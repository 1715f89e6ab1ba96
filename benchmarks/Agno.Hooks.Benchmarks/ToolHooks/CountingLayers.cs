using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Benchmarks.ToolHooks;

/// <summary>
/// The layers the tool-hook suite stacks, one of each kind: Agno.Hooks' tool and model hooks (descriptors as the
/// generator emits them: a <c>void</c> hook's <see cref="SynchronousHookInvoker"/>, an around hook's <see cref="HookInvoker"/>
/// that hands its next step's task back), Agent Framework's function middleware, Microsoft.Extensions.AI's chat middleware and
/// function invoker. Each does the same work, one increment of <see cref="Calls"/>, then goes on, so the setup can check
/// that every layer ran and the cost measured is the layer's.
/// </summary>
public static class CountingLayers
{
    /// <summary>Incremented once per layer per call or request.</summary>
    public static long Calls;

    private static readonly HookParameter CallParameter = new("call", HookParameterKind.ToolCall, typeof(ToolCall));
    private static readonly HookParameter NextParameter = new("next", HookParameterKind.Next, typeof(HookNext));
    private static readonly HookParameter RequestParameter = new("request", HookParameterKind.ModelRequest, typeof(ModelRequest));

    /// <summary>A synchronous hook with a tool-call parameter, for PreToolHooks or PostToolHooks: <c>[Hook] static void Count(ToolCall call)</c>.</summary>
    public static readonly HookDescriptor ToolCallHook = new("CountingLayers.Count", [CallParameter], static context => Count(context.RequiredToolCall));

    /// <summary>A hook around a tool call that takes its next step: <c>[Hook] static ValueTask CountAround(ToolCall call, HookNext next)</c>.</summary>
    public static readonly HookDescriptor AroundToolCallHook = new("CountingLayers.CountAround", static context => CountAround(context.RequiredToolCall, context.RequiredNext), [CallParameter, NextParameter]);

    /// <summary>A synchronous hook before each model request: <c>[Hook] static void CountRequest(ModelRequest request)</c>.</summary>
    public static readonly HookDescriptor ModelRequestHook = new("CountingLayers.CountRequest", [RequestParameter], static context => CountRequest(context.RequiredModelRequest));

    /// <summary>Agent Framework function middleware (<c>AIAgentBuilder.Use(callback)</c>) that takes its next step.</summary>
    public static ValueTask<object?> FunctionMiddleware(AIAgent agent, FunctionInvocationContext context, Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>> next, CancellationToken cancellationToken)
    {
        Calls++;
        return next(context, cancellationToken);
    }

    /// <summary>Chat middleware (<c>ChatClientBuilder.Use(getResponseFunc, getStreamingResponseFunc)</c>) that hands the inner client's task back.</summary>
    public static Task<ChatResponse> ChatMiddleware(IEnumerable<ChatMessage> messages, ChatOptions? options, IChatClient inner, CancellationToken cancellationToken)
    {
        Calls++;
        return inner.GetResponseAsync(messages, options, cancellationToken);
    }

    /// <summary>
    /// Chat middleware as Agent Framework's middleware sample writes it (<c>Use(getResponseFunc: ChatClientMiddleware,
    /// getStreamingResponseFunc: null)</c>): an async method that awaits the inner client, so it may act after the response too.
    /// </summary>
    public static async Task<ChatResponse> AsyncChatMiddleware(IEnumerable<ChatMessage> messages, ChatOptions? options, IChatClient inner, CancellationToken cancellationToken)
    {
        Calls++;
        return await inner.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The streamed side of <see cref="ChatMiddleware"/>: the inner client's stream as is.</summary>
    public static IAsyncEnumerable<ChatResponseUpdate> StreamingChatMiddleware(IEnumerable<ChatMessage> messages, ChatOptions? options, IChatClient inner, CancellationToken cancellationToken)
    {
        Calls++;
        return inner.GetStreamingResponseAsync(messages, options, cancellationToken);
    }

    /// <summary>
    /// One more layer of a <see cref="FunctionInvokingChatClient.FunctionInvoker"/> chain, Microsoft.Extensions.AI's own hook
    /// on a tool call, over <paramref name="inner"/> (null: the tool itself, as the loop invokes it without an invoker).
    /// </summary>
    public static Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>> FunctionInvokerOver(Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? inner) =>
        inner is null
            ? static (context, cancellationToken) =>
            {
                Calls++;
                return context.Function.InvokeAsync(context.Arguments, cancellationToken);
            }
            : (context, cancellationToken) =>
            {
                Calls++;
                return inner(context, cancellationToken);
            };

    private static void Count(ToolCall call) => Calls++;

    private static ValueTask CountAround(ToolCall call, HookNext next)
    {
        Calls++;
        return next();
    }

    private static void CountRequest(ModelRequest request) => Calls++;
}
