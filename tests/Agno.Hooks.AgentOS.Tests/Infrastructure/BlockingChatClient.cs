using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.AgentOS.Tests.Infrastructure;

/// <summary>
/// A model that answers its first chunk, signals, then waits until its call is cancelled: lets a test cancel
/// a run that is surely still running, without sleeping.
/// </summary>
internal sealed class BlockingChatClient : IChatClient
{
    public const string FirstChunk = "Partial answer ";

    private readonly TaskCompletionSource _answering = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The model has been called (and, streaming, has sent its first chunk).</summary>
    public Task Answering => _answering.Task;

    /// <summary>The model saw its call cancelled.</summary>
    public Task Cancelled => _cancelled.Task;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        _answering.TrySetResult();
        await WaitForCancelAsync(cancellationToken);
        throw new InvalidOperationException("Unreachable: the wait ends only by cancellation.");
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return new ChatResponseUpdate(ChatRole.Assistant, FirstChunk);
        _answering.TrySetResult();
        await WaitForCancelAsync(cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private async Task WaitForCancelAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            _cancelled.TrySetResult();
        }
    }
}
