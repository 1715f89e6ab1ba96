using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Benchmarks.ToolHooks;

/// <summary>
/// The tool-hook suite's model: asked with <see cref="LookupTool"/> offered, it calls it once; asked again with the call's
/// result last, it answers. No delay: every request completes synchronously, so what a variant adds is its layers' cost.
/// </summary>
/// <remarks>
/// Each response is new: <see cref="FunctionInvokingChatClient"/> marks the calls it has run and rebuilds the final
/// response's messages, so a cached one would change under the next operation.
/// </remarks>
public sealed class ToolCallingChatClient : IChatClient
{
    public const string Answer = "The answer is 42.";
    public const string CallId = "call-1";

    /// <summary>How many requests the model answered.</summary>
    public long Requests { get; private set; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Requests++;
        var last = messages is IList<ChatMessage> list ? list[^1] : messages.Last();
        ChatMessage reply = last.Role != ChatRole.Tool && options?.Tools is { Count: > 0 }
            ? new(ChatRole.Assistant, [new FunctionCallContent(CallId, LookupTool.ToolName, new Dictionary<string, object?> { [LookupTool.ArgumentName] = "the answer" })])
            : new(ChatRole.Assistant, Answer);
        return Task.FromResult(new ChatResponse(reply));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
