using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// The default model: offline and deterministic, so that everything runs and tests without a network
/// or a key. It answers from the conversation, streams the answer in several chunks and reports token
/// usage (one token per word). Asked for JSON (<see cref="ChatOptions.ResponseFormat"/>), it answers with JSON
/// that fits the schema, so structured output works offline too. Offered tools, it calls them by a fixed rule, so tool
/// calling works offline too (see <see cref="ToolCalls"/>). Plug in a real provider through any other <see cref="IChatClient"/>.
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
        if (ToolCalls(messages, options) is { Count: > 0 } calls)
        {
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [.. calls]))
            {
                ModelId = options?.ModelId ?? DefaultModelId,
                Usage = new UsageDetails { InputTokenCount = 0, OutputTokenCount = calls.Count, TotalTokenCount = calls.Count },
                FinishReason = ChatFinishReason.ToolCalls,
            });
        }

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
        var modelId = options?.ModelId ?? DefaultModelId;
        if (ToolCalls(messages, options) is { Count: > 0 } calls)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, [.. calls, new UsageContent(new UsageDetails { InputTokenCount = 0, OutputTokenCount = calls.Count, TotalTokenCount = calls.Count })])
            {
                ModelId = modelId,
                FinishReason = ChatFinishReason.ToolCalls,
            };
            yield break;
        }

        var (answer, usage) = Answer(messages, options);
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
    /// The calls the offline model makes: when tools are offered and the user spoke last, it calls each offered function
    /// whose name the last user message has as a word (ignoring case), once, in the order offered, with the message's
    /// <c>name=value</c> pairs as arguments (the first of a name; a value in double quotes may have spaces, one without
    /// loses the punctuation after it; numbers and true/false are JSON numbers and booleans). Its call ids are <c>call_1</c>, <c>call_2</c>, ... Once the results are back it answers,
    /// quoting them (<see cref="Answer"/>).
    /// </summary>
    public static IReadOnlyList<FunctionCallContent> ToolCalls(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        if (options?.Tools is not { Count: > 0 } tools || options.ToolMode is NoneChatToolMode)
        {
            return [];
        }

        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        if (list.Count == 0 || list[^1].Role != ChatRole.User)
        {
            return [];
        }

        var message = list[^1].Text;
        var arguments = OfflineToolArguments.Parse(message);
        var calls = new List<FunctionCallContent>();
        foreach (var tool in tools)
        {
            if (tool is AIFunctionDeclaration function && OfflineToolArguments.MentionsWord(message, function.Name))
            {
                calls.Add(new FunctionCallContent($"call_{calls.Count + 1}", function.Name, arguments.Count == 0 ? null : new Dictionary<string, object?>(arguments)));
            }
        }

        return calls;
    }

    /// <summary>
    /// The answer: it quotes the last user message and says how much of the conversation it saw, then what each tool
    /// called since returned; as JSON fitting the requested schema when <paramref name="options"/> ask for JSON.
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
            .Append(OfflineToolArguments.Results(list))
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
