using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Benchmarks.Streaming;

/// <summary>
/// A model that streams a fixed answer in chunks of <see cref="ChunkLength"/> characters (about one token each), waiting
/// <paramref name="chunkDelay"/> before each one to stand in for a model's token rate, and counts what it has produced.
/// </summary>
/// <param name="answer">The answer, streamed or not.</param>
/// <param name="chunkDelay">The wait before each chunk; zero yields every chunk at once (no timer, no await).</param>
public sealed class ChunkedChatClient(string answer, TimeSpan chunkDelay) : IChatClient
{
    public const int ChunkLength = 4;

    // Cut once: the suites measure the run around the model, not the model's own slicing.
    private readonly string[] _chunks = [.. answer.Chunk(ChunkLength).Select(chunk => new string(chunk))];

    public string Answer => answer;

    /// <summary>The characters of the answer the latest streamed call has yielded so far.</summary>
    public int Produced { get; private set; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Produced = 0;
        foreach (var chunk in _chunks)
        {
            if (chunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(chunkDelay, cancellationToken).ConfigureAwait(false);
            }

            Produced += chunk.Length;
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
