using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.AgentOS.BrowserTests;

/// <summary>
/// A model that streams the first part of its answer, signals, and streams the rest only once the test lets it: a test
/// looks at what a page shows mid-stream without sleeping.
/// </summary>
internal sealed class PausingChatClient(IReadOnlyList<string> firstPart, IReadOnlyList<string> rest) : IChatClient
{
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The first part has been streamed; the model waits for <see cref="Resume"/>.</summary>
    public Task Paused => _paused.Task;

    public void Resume() => _resumed.TrySetResult();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var chunk in firstPart)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk);
        }

        _paused.TrySetResult();
        await _resumed.Task.WaitAsync(cancellationToken);
        foreach (var chunk in rest)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
