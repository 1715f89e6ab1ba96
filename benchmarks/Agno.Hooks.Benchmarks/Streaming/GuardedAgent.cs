using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Benchmarks.Streaming;

/// <summary>
/// An agent with one set of output guardrails (<see cref="OutputGuardrail"/>) on a <see cref="ChunkedChatClient"/>, its
/// container, and how much of a streamed answer its guardrails hold back.
/// </summary>
internal sealed class GuardedAgent : IDisposable
{
    public const string Message = "Where is my order?";

    // Prose a support agent might write, with an e-mail address and a phone number for the PII guardrail to mask (after
    // its first window, so the first delta is plain text either way) and none of the prompt-injection phrases.
    private static readonly string[] Sentences =
    [
        "Thanks for getting in touch about your order, and sorry for the wait. ",
        "The parcel left our warehouse on Monday and should reach you within five working days. ",
        "If it has not arrived by Friday, write to orders.help@example.com with your order number. ",
        "Our team answers most messages the same day; on weekdays you can also call 555-201-7788. ",
        "Tracking updates appear in your account a few hours after each scan by the carrier. ",
    ];

    private readonly ServiceProvider _services;

    private GuardedAgent(ServiceProvider services, Agent agent, int? window)
    {
        _services = services;
        Agent = agent;
        Window = window;
    }

    public Agent Agent { get; }

    /// <summary>
    /// How many characters the run's guardrails hold back: the sum of their checks' windows (each check reads what the one
    /// before it lets out); 0 without a guardrail; null when one of them holds the whole answer.
    /// </summary>
    public int? Window { get; }

    /// <summary>The model's answer: <see cref="Sentences"/> over and over, cut at <paramref name="length"/> characters.</summary>
    public static string Answer(int length)
    {
        var text = new StringBuilder(length + 128);
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(Sentences[i % Sentences.Length]);
        }

        return text.ToString(0, length);
    }

    public static GuardedAgent Create(OutputGuardrail guardrail, ChunkedChatClient model)
    {
        var services = new ServiceCollection()
            .AddSingleton<IContentModerator, AllowingModerator>()
            .AddAgnoHooks()
            .AddOutputPiiDetection(o => o.Mask = true)
            .AddPromptInjectionDetection()
            .AddModeration()
            .Services.BuildServiceProvider();
        var agent = new Agent("streamed-agent") { Model = model, Services = services };
        HookDescriptor[] hooks = guardrail switch
        {
            OutputGuardrail.None => [],
            OutputGuardrail.OutputPii => [OutputPiiDetectionGuardrail.CheckHook],
            OutputGuardrail.PromptInjection => [PromptInjectionGuardrail.CheckOutputHook],
            OutputGuardrail.PiiThenInjection => [OutputPiiDetectionGuardrail.CheckHook, PromptInjectionGuardrail.CheckOutputHook],
            OutputGuardrail.Moderation => [ModerationGuardrail.CheckOutputHook],
            _ => throw new ArgumentOutOfRangeException(nameof(guardrail), guardrail, null),
        };
        foreach (var hook in hooks)
        {
            agent.PostHooks.Add(hook);
        }

        return new GuardedAgent(services, agent, WindowOf(guardrail, agent, services));
    }

    /// <summary>
    /// Runs once streamed and once not, and throws unless the deltas add up to the completed content, that content is the
    /// not-streamed run's, and no delta carries the raw e-mail address or phone number when the PII guardrail masks.
    /// </summary>
    public async Task VerifyAsync(OutputGuardrail guardrail)
    {
        var deltas = new List<string>();
        RunEvent? last = null;
        await foreach (var runEvent in Agent.RunStreamingAsync(Message))
        {
            if (runEvent.Kind == RunEventKind.RunContent)
            {
                deltas.Add(runEvent.Content ?? string.Empty);
            }

            last = runEvent;
        }

        var notStreamed = await Agent.RunAsync(Message);
        var masks = guardrail is OutputGuardrail.OutputPii or OutputGuardrail.PiiThenInjection;
        string[] raw = ["orders.help@example.com", "555-201-7788"];
        if (last is not { Kind: RunEventKind.RunCompleted } || notStreamed.Status != RunStatus.Completed
            || string.Concat(deltas) != last.Content || last.Content != notStreamed.Content
            || (masks && deltas.Any(delta => raw.Any(delta.Contains))) || (masks && raw.Any(notStreamed.Content!.Contains)))
        {
            throw new InvalidOperationException($"The streamed run with {guardrail} is not what the benchmark measures.");
        }
    }

    public void Dispose() => _services.Dispose();

    private static int? WindowOf(OutputGuardrail guardrail, Agent agent, IServiceProvider services)
    {
        var run = new RunContext("window", "window");
        var context = new HookContext(HookStage.Post, agent, run, new RunInput(Message), new RunOutput(run, agent, DateTimeOffset.UnixEpoch), services, CancellationToken.None);
        int Of(IStreamingOutputGuardrail streaming) =>
            streaming.StartStreamCheck(context)?.Window ?? throw new InvalidOperationException($"{streaming.GetType().Name} does not check this configuration as it streams.");

        var pii = services.GetRequiredService<OutputPiiDetectionGuardrail>();
        var injection = services.GetRequiredService<PromptInjectionGuardrail>();
        return guardrail switch
        {
            OutputGuardrail.None => 0,
            OutputGuardrail.OutputPii => Of(pii),
            OutputGuardrail.PromptInjection => Of(injection),
            OutputGuardrail.PiiThenInjection => Of(pii) + Of(injection),
            _ => null,
        };
    }
}
