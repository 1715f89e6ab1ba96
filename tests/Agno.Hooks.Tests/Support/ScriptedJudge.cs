using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Tests.Support;

/// <summary>A judge model that answers with a set text (or throws), and records what it was asked.</summary>
internal sealed class ScriptedJudge : IChatClient
{
    private readonly Func<string> _answer;

    public ScriptedJudge(string answer) => _answer = () => answer;

    public ScriptedJudge(Exception failure) => _answer = () => throw failure;

    public ConcurrentQueue<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = new();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(([.. messages], options));
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, _answer()))
        {
            ModelId = "judge-model",
            Usage = new UsageDetails { InputTokenCount = 40, OutputTokenCount = 10, TotalTokenCount = 50 },
        });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The judge is called without streaming.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", defaultModelId: "judge-model") : null;

    public void Dispose()
    {
    }
}
