using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// The default model: offline and deterministic, so that everything runs and tests without a network
/// or a key. It answers from the conversation, streams the answer in several chunks and reports token
/// usage (one token per word). Asked for JSON (<see cref="ChatOptions.ResponseFormat"/>), it answers with JSON
/// that fits the schema, so structured output works offline too. Plug in a real provider through any other <see cref="IChatClient"/>.
/// </summary>
public sealed class OfflineChatClient : IChatClient
{
    public const string ProviderName = "offline";
    public const string DefaultModelId = "offline-echo";

    private static readonly ChatClientMetadata Metadata = new(ProviderName, defaultModelId: DefaultModelId);

    /// <summary>Makes <see cref="GetStreamingResponseAsync"/> pause between chunks, to look like a real model.</summary>
    public TimeSpan ChunkDelay { get; init; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (answer, usage) = Answer(messages, options);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = options?.ModelId ?? DefaultModelId,
            Usage = usage,
            FinishReason = ChatFinishReason.Stop,
        };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (answer, usage) = Answer(messages, options);
        var modelId = options?.ModelId ?? DefaultModelId;
        foreach (var chunk in Chunks(answer))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ChunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(ChunkDelay, cancellationToken).ConfigureAwait(false);
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk) { ModelId = modelId };
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(usage)])
        {
            ModelId = modelId,
            FinishReason = ChatFinishReason.Stop,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    /// <summary>
    /// The answer: it quotes the last user message and says how much of the conversation it saw; as JSON
    /// fitting the requested schema when <paramref name="options"/> ask for JSON.
    /// </summary>
    internal static (string Answer, UsageDetails Usage) Answer(IEnumerable<ChatMessage> messages, ChatOptions? options = null)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var lastUser = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text?.Trim() ?? string.Empty;
        var turns = list.Count(m => m.Role == ChatRole.User);
        var answer = new StringBuilder()
            .Append("You said: \"").Append(lastUser).Append("\". ")
            .Append(turns == 1 ? "This is the first message of our conversation." : $"That makes {turns} messages from you in this conversation.")
            .Append(" (Answered offline; plug in a real IChatClient for real answers.)")
            .ToString();
        if (options?.ResponseFormat is ChatResponseFormatJson json)
        {
            answer = OfflineJsonAnswer.Create(lastUser, json.Schema);
        }

        long inputTokens = list.Sum(m => CountWords(m.Text));
        long outputTokens = CountWords(answer);
        return (answer, new UsageDetails
        {
            InputTokenCount = inputTokens,
            OutputTokenCount = outputTokens,
            TotalTokenCount = inputTokens + outputTokens,
        });
    }

    /// <summary>Splits into chunks of up to three words, keeping every character, so the chunks join back exactly.</summary>
    internal static IEnumerable<string> Chunks(string text)
    {
        var start = 0;
        var words = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && ++words == 3)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
                words = 0;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static int CountWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
}
