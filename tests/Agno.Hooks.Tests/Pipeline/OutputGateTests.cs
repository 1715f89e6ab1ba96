using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Tests.Pipeline;

/// <summary>The output gate when a guardrail's streamed check misbehaves: the safe default, and Agno's events once each.</summary>
public sealed class OutputGateTests
{
    private static readonly HookDescriptor Hook = new(
        "stream-guard",
        [new HookParameter("output", HookParameterKind.RunOutput, typeof(RunOutput))],
        context => context.GetRequiredService<StreamGuardrail>().Check(context.RequiredOutput),
        typeof(StreamGuardrail))
    { Guardrail = true };

    [Fact]
    public async Task A_check_that_fails_as_the_answer_completes_holds_the_rest_for_the_post_stage_and_completes_once()
    {
        var guardrail = new StreamGuardrail { FailOnComplete = true };
        await using var host = HookTestHost.Create(services: s => s.AddSingleton(guardrail));
        var agent = new Agent("a") { Model = new OfflineChatClient(), Services = host.Services, PostHooks = { Hook } };

        var events = await StreamAsync(agent, "Hello there");

        var output = events[^1].Output!;
        output.Status.ShouldBe(RunStatus.Completed);
        events.Count(e => e.Kind == RunEventKind.RunContentCompleted).ShouldBe(1);
        string.Concat(events.Where(e => e.Kind == RunEventKind.RunContent).Select(e => e.Content)).ShouldBe(output.Content, "what the check held went out after the post stage");
        guardrail.Checked.ShouldBe(1, "the guardrail's hook saw the whole answer");
    }

    [Fact]
    public async Task A_check_that_rejects_as_it_starts_leaves_the_model_uncalled()
    {
        var guardrail = new StreamGuardrail { RejectOnStart = true };
        await using var host = HookTestHost.Create(services: s => s.AddSingleton(guardrail));
        var model = new CountingModel();
        var agent = new Agent("a") { Model = model, Services = host.Services, PostHooks = { Hook } };

        var events = await StreamAsync(agent, "Hello");

        events[^1].Kind.ShouldBe(RunEventKind.RunError);
        events[^1].Output!.ErrorType.ShouldBe(OutputCheckException.Type);
        model.Calls.ShouldBe(0);
        events.ShouldNotContain(e => e.Kind == RunEventKind.RunContent);
    }

    [Fact]
    public async Task A_hook_of_a_streaming_guardrail_that_checks_the_input_is_not_its_stream_check()
    {
        // The prompt-injection guardrail's input check, attached as a post-hook: it reads the message, not the answer,
        // streamed as not. The offline answer starts with "You said", which the message does not have.
        await using var host = HookTestHost.Create(hooks: h => h.AddPromptInjectionDetection(p => p.Phrases = ["you said"]));
        var agent = new Agent("a") { Model = new OfflineChatClient(), Services = host.Services, PostHooks = { PromptInjectionGuardrail.CheckHook } };

        var events = await StreamAsync(agent, "Hello there");
        var notStreamed = await agent.RunAsync("Hello there");

        notStreamed.Status.ShouldBe(RunStatus.Completed, "the answer has \"You said\", the message does not");
        events[^1].Kind.ShouldBe(RunEventKind.RunCompleted, "the stream is not checked for the phrase either");
        events[^1].Content.ShouldBe(notStreamed.Content);
    }

    private static async Task<List<RunEvent>> StreamAsync(Agent agent, string message)
    {
        var events = new List<RunEvent>();
        await foreach (var runEvent in agent.RunStreamingAsync(message))
        {
            events.Add(runEvent);
        }

        return events;
    }

    private sealed class StreamGuardrail : IStreamingOutputGuardrail
    {
        public bool FailOnComplete { get; init; }

        public bool RejectOnStart { get; init; }

        public int Checked { get; private set; }

        public void Check(RunOutput output) => Checked++;

        public OutputStreamCheck? StartStreamCheck(HookContext context) =>
            RejectOnStart ? throw new OutputCheckException("no") : new PassThrough(FailOnComplete);

        private sealed class PassThrough(bool failOnComplete) : OutputStreamCheck
        {
            public override int Window => 0;

            public override string Append(string text) => text;

            public override string Complete() => failOnComplete ? throw new InvalidOperationException("bug") : string.Empty;
        }
    }

    private sealed class CountingModel : Microsoft.Extensions.AI.IChatClient
    {
        private readonly OfflineChatClient _inner = new();

        public int Calls { get; private set; }

        public Task<Microsoft.Extensions.AI.ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return _inner.GetResponseAsync(messages, options, cancellationToken);
        }

        public IAsyncEnumerable<Microsoft.Extensions.AI.ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return _inner.GetStreamingResponseAsync(messages, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
