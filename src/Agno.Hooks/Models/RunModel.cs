using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// The model as a run requests it, each turn of the tool loop: the owner's model hooks before, around and after each
/// request (<see cref="IModelHookOwner"/>), and, once the run has made all the tool calls it may, the request without tools.
/// </summary>
/// <remarks>
/// A hook after the request or around it needs the whole response, so with one a streamed request is held whole and goes
/// on as updates made from the response; hooks before it leave the stream as it is.
/// </remarks>
internal sealed class RunModel(IChatClient model, Func<HookRun, bool>? toolsExhausted) : DelegatingChatClient(model)
{
    /// <summary>Whether <paramref name="owner"/> has model hooks: without, its requests need no layer.</summary>
    public static bool IsHooked(IHookOwner owner) =>
        owner is IModelHookOwner hooks && (hooks.PreModelHooks.Count > 0 || hooks.PostModelHooks.Count > 0 || hooks.ModelHooks.Count > 0);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var run = HookRun.Current;
        options = WithoutExhaustedTools(run, options);
        if (run?.Owner is not IModelHookOwner owner || !IsHooked(owner))
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        var request = new ModelRequest(messages, options, isStreaming: false);
        if (await run.ExecuteCallHooksAsync(owner.PreModelHooks.Snapshot(), HookStage.PreModelCall, request: request).ConfigureAwait(false) && request.Response is null)
        {
            await AroundAsync(run, owner.ModelHooks.Snapshot(), request, cancellationToken).ConfigureAwait(false);
        }

        return await AfterAsync(run, owner, request).ConfigureAwait(false);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var run = HookRun.Current;
        options = WithoutExhaustedTools(run, options);
        if (run?.Owner is not IModelHookOwner owner || !IsHooked(owner))
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        var request = new ModelRequest(messages, options, isStreaming: true);
        if (!await run.ExecuteCallHooksAsync(owner.PreModelHooks.Snapshot(), HookStage.PreModelCall, request: request).ConfigureAwait(false))
        {
            yield break;
        }

        var around = owner.ModelHooks.Snapshot();
        if (request.Response is null && around.Length == 0 && owner.PostModelHooks.Count == 0)
        {
            // Only hooks before the request: the model's stream goes on as it comes.
            await foreach (var update in base.GetStreamingResponseAsync(request.Messages, request.Options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        if (request.Response is null)
        {
            await AroundAsync(run, around, request, cancellationToken).ConfigureAwait(false);
        }

        foreach (var update in (await AfterAsync(run, owner, request).ConfigureAwait(false)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <summary>The hooks after the request; the response, or an empty one when a check rejected the run (which then ends with it).</summary>
    private static async ValueTask<ChatResponse> AfterAsync(HookRun run, IModelHookOwner owner, ModelRequest request)
    {
        if (run.IsRejected || !await run.ExecuteCallHooksAsync(owner.PostModelHooks.Snapshot(), HookStage.PostModelCall, request: request).ConfigureAwait(false))
        {
            return new ChatResponse([]);
        }

        return request.Response ?? new ChatResponse([]);
    }

    /// <summary>The hooks around the request, then the model; without hooks, the model alone (no chain to make).</summary>
    private ValueTask AroundAsync(HookRun run, HookDescriptor[] hooks, ModelRequest request, CancellationToken cancellationToken) =>
        hooks.Length == 0 ? CallModelAsync(request, cancellationToken) : Around(run, hooks, 0, request, cancellationToken)();

    /// <summary>The model, on the request as the hooks left it: its response becomes the request's.</summary>
    private async ValueTask CallModelAsync(ModelRequest request, CancellationToken cancellationToken) =>
        request.Response = request.IsStreaming
            ? await base.GetStreamingResponseAsync(request.Messages, request.Options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false)
            : await base.GetResponseAsync(request.Messages, request.Options, cancellationToken).ConfigureAwait(false);

    /// <summary>The chain from hook <paramref name="index"/> around the request on; the model is last.</summary>
    private HookNext Around(HookRun run, HookDescriptor[] hooks, int index, ModelRequest request, CancellationToken cancellationToken) =>
        index == hooks.Length
            ? () => CallModelAsync(request, cancellationToken)
            : async () =>
            {
                if (!run.IsRejected)
                {
                    await run.ExecuteAroundHookAsync(hooks[index], run.CallContext(HookStage.ModelCall, request: request, next: Around(run, hooks, index + 1, request, cancellationToken))).ConfigureAwait(false);
                }
            };

    /// <summary>The request without tools once the run has made all the calls it may, so the model answers.</summary>
    private ChatOptions? WithoutExhaustedTools(HookRun? run, ChatOptions? options)
    {
        if (options?.Tools is not { Count: > 0 } || run is null || toolsExhausted?.Invoke(run) != true)
        {
            return options;
        }

        var limited = options.Clone();
        limited.Tools = null;
        limited.ToolMode = ChatToolMode.None;
        return limited;
    }
}
