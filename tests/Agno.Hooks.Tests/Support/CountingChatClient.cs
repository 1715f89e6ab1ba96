using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Tests.Support;

/// <summary>A model that counts its calls and can fail on demand.</summary>
internal sealed class CountingChatClient : IChatClient
{
    private readonly OfflineChatClient _inner = new();
    private int _calls;

    public int Calls => _calls;

    public Exception? Failure { get; init; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Failure is null ? _inner.GetResponseAsync(messages, options, cancellationToken) : Task.FromException<ChatResponse>(Failure);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        await foreach (var update in _inner.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            if (Failure is not null)
            {
                throw Failure;
            }

            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

    public void Dispose() => _inner.Dispose();
}
