using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Conformance;

/// <summary>
/// What an owner under test runs with: a clock that moves only when told, a model scripted by the test, and a pipeline
/// whose background destination keeps each work item, so a test reads exactly the copies background hooks get.
/// </summary>
public sealed class ConformanceHost
{
    /// <param name="services">More services: the guardrails a test attaches.</param>
    public ConformanceHost(Action<IServiceCollection>? services = null)
    {
        // The pipeline made from the services, as AddAgnoHooks makes it: hooks resolve what they need from them.
        var collection = new ServiceCollection()
            .AddSingleton<IBackgroundHookQueue>(Background)
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(provider => new HookPipeline(provider));
        services?.Invoke(collection);
        Services = collection.BuildServiceProvider();
        Pipeline = Services.GetRequiredService<HookPipeline>();
        Model = new ScriptedModel(Clock);
    }

    public ManualClock Clock { get; } = new();

    public CapturingQueue Background { get; } = new();

    public HookPipeline Pipeline { get; }

    public IServiceProvider Services { get; }

    public ScriptedModel Model { get; }
}

/// <summary>A clock that moves only when a test (or the scripted model) advances it.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = TimeSpan.FromDays(1).Ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(GetTimestamp());

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>Keeps every background work item a run hands over, in order.</summary>
public sealed class CapturingQueue : IBackgroundHookQueue
{
    private readonly ConcurrentQueue<BackgroundHookWorkItem> _items = new();

    public IReadOnlyList<BackgroundHookWorkItem> Items => [.. _items];

    public ValueTask EnqueueAsync(BackgroundHookWorkItem item, CancellationToken cancellationToken = default)
    {
        _items.Enqueue(item);
        return default;
    }
}

/// <summary>
/// The model every owner under test calls: it answers "Hello world" (or <see cref="Answer"/>) in two chunks after
/// <see cref="Delay"/> on the clock, with two usage items on its first update (streamed) or one usage of the same total
/// (not streamed); or it fails, or waits until the run is cancelled. It records the run it was called in
/// (<see cref="HookRun.Current"/>) and the messages it got.
/// </summary>
/// <remarks>
/// Its tool script: offered a tool named <see cref="ProbeTool"/> (<see cref="ChatOptions.Tools"/>) in a conversation with
/// no tool result yet, it asks for one call of it per text of <see cref="ProbeTexts"/> (call ids <c>call-1</c>, <c>call-2</c>,
/// …, the text as argument <c>text</c>); given tool results, it answers "probe returned: " and then the results, each as
/// the model got it, joined by "; ".
/// </remarks>
public sealed class ScriptedModel(ManualClock clock) : IChatClient
{
    /// <summary>The name of the tool the model calls when it is offered one of that name.</summary>
    public const string ProbeTool = "probe";

    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

    public bool Fail { get; set; }

    /// <summary>The answer's chunks, as streamed; not streamed, the answer is all of them at once.</summary>
    public IReadOnlyList<string> Answer { get; set; } = ["Hello", " world"];

    public bool WaitForCancellation { get; set; }

    /// <summary>The argument of each call of <see cref="ProbeTool"/> the model asks for, all in one response.</summary>
    public IReadOnlyList<string> ProbeTexts { get; set; } = ["ping"];

    /// <summary>Throws a cancellation of its own (an HTTP client's time-out, say) while the run's token is not cancelled.</summary>
    public bool TimeOut { get; set; }

    public int Calls => _calls;

    /// <summary>The runs the model was called in, as <see cref="HookRun.Current"/> told it.</summary>
    public ConcurrentQueue<HookRun?> Runs { get; } = new();

    /// <summary>The messages of each request, in order.</summary>
    public ConcurrentQueue<ChatMessage[]> Requests { get; } = new();

    /// <summary>Released when a call has started (for tests that cancel it).</summary>
    public SemaphoreSlim Started { get; } = new(0);

    private int _calls;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (calls, chunks) = Script(await BeginAsync(messages, cancellationToken), options);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, chunks.Count == 0 ? [.. calls] : [.. calls, new TextContent(string.Concat(chunks))]))
        {
            ModelId = "scripted",
            Usage = new UsageDetails { InputTokenCount = 7, OutputTokenCount = 2, TotalTokenCount = 9 },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (calls, chunks) = Script(await BeginAsync(messages, cancellationToken), options);
        yield return new ChatResponseUpdate(ChatRole.Assistant,
        [
            .. calls,
            .. chunks.Take(1).Select(chunk => new TextContent(chunk)),
            new UsageContent(new UsageDetails { InputTokenCount = 3, OutputTokenCount = 1, TotalTokenCount = 4 }),
            new UsageContent(new UsageDetails { InputTokenCount = 4, OutputTokenCount = 1, TotalTokenCount = 5 }),
        ]) { ModelId = "scripted" };
        foreach (var chunk in chunks.Skip(1))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk) { ModelId = "scripted" };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted-provider", defaultModelId: "scripted") : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>What the model answers to <paramref name="messages"/>: calls of the probe tool, or the text's chunks (see the remarks above).</summary>
    private (AIContent[] Calls, IReadOnlyList<string> Chunks) Script(ChatMessage[] messages, ChatOptions? options)
    {
        var results = messages.SelectMany(message => message.Contents).OfType<FunctionResultContent>().ToList();
        if (results.Count > 0)
        {
            return ([], ["probe returned: ", string.Join("; ", results.Select(result => result.Result?.ToString()))]);
        }

        return options?.Tools?.Any(tool => tool.Name == ProbeTool) == true
            ? ([.. ProbeTexts.Select((text, i) => new FunctionCallContent($"call-{i + 1}", ProbeTool, new Dictionary<string, object?> { ["text"] = text }))], [])
            : ([], Answer);
    }

    private async Task<ChatMessage[]> BeginAsync(IEnumerable<ChatMessage> messages, CancellationToken cancellationToken)
    {
        ChatMessage[] request = [.. messages];
        Interlocked.Increment(ref _calls);
        Runs.Enqueue(HookRun.Current);
        Requests.Enqueue(request);
        Started.Release();
        if (WaitForCancellation)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await Task.Yield();
        clock.Advance(Delay);
        if (TimeOut)
        {
            throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.");
        }

        if (Fail)
        {
            throw new InvalidOperationException("model down");
        }

        return request;
    }
}

/// <summary>A member's or step's model that answers at once, reports no usage and leaves the clock alone.</summary>
public sealed class QuietModel : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "noted")));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield return new ChatResponseUpdate(ChatRole.Assistant, "noted");
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
