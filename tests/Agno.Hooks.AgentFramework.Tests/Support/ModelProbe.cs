using System.Runtime.CompilerServices;

namespace Agno.Hooks.AgentFramework.Tests.Support;

/// <summary>
/// The offline model, watched: what it was asked and how often; and, when <see cref="HoldAfterFirstUpdate"/>, a streamed
/// answer that stops after its first update until the test lets it go on.
/// </summary>
public sealed class ModelProbe(HookLog? log = null) : DelegatingChatClient(new OfflineChatClient())
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public List<string> UserMessages { get; } = [];

    public bool HoldAfterFirstUpdate { get; init; }

    /// <summary>Makes every call fail, with a message that must never reach a client.</summary>
    public bool Fail { get; set; }

    public bool StreamFinished { get; private set; }

    /// <summary>The model's answer: its text, with <c>LEAK</c> in it when asked for.</summary>
    public void Release() => _release.TrySetResult();

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Seen(messages);
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        response.ResponseId = "resp-1";
        log?.Add("model");
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Seen(messages);
        var first = true;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            update.ResponseId = "resp-1";
            yield return update;
            if (first && HoldAfterFirstUpdate)
            {
                await _release.Task.WaitAsync(Waits.Signal, cancellationToken);
            }

            first = false;
        }

        StreamFinished = true;
        log?.Add("model");
    }

    private void Seen(IEnumerable<ChatMessage> messages)
    {
        if (Fail)
        {
            throw new InvalidOperationException("The provider refused key sk-secret-123.");
        }

        Interlocked.Increment(ref _calls);
        lock (UserMessages)
        {
            UserMessages.Add(messages.Last(m => m.Role == ChatRole.User).Text);
        }
    }
}
