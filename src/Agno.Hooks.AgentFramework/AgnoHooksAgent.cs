using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.AgentFramework;

/// <summary>
/// Agno's hooks around any Microsoft Agent Framework <see cref="AIAgent"/>: a <see cref="DelegatingAIAgent"/> whose every run
/// is a run of the public driver (<see cref="HookPipeline.RunAsync"/>): the inline pre-hooks (guardrails first) on a
/// <see cref="RunInput"/> made from the request, the inner agent on the input as the hooks left it, the inline post-hooks on
/// a <see cref="RunOutput"/> made from its <see cref="AgentResponse"/>, the final status and duration, and then the
/// background hooks' copies handed to the background queue. An exception of the inner agent fails the run (what passed the
/// guardrails still runs in the background) and is then thrown to the caller.
/// Made by <c>agent.AsBuilder().UseAgnoHooks(...)</c>; it is the hooks' owner, so a hook may bind it as <see cref="AIAgent"/>.
/// </summary>
/// <remarks>
/// <para><b>Input.</b> The request's last user message is <see cref="RunInput.Content"/>, the request's messages before it are
/// <see cref="RunInput.Messages"/> (the session's history stays in the session). An inline pre-hook's change to
/// <see cref="RunInput.Content"/> replaces that message's text before the inner agent sees it; the caller's messages are
/// never changed.</para>
/// <para><b>Output.</b> The response's text, usage, model id and response id make the <see cref="RunOutput"/>. An inline
/// post-hook's change to <see cref="RunOutput.Content"/> replaces the response's text for the caller (the session keeps
/// what the model said).</para>
/// <para><b>Rejection.</b> A check (<see cref="InputCheckException"/>, <see cref="OutputCheckException"/>) is not thrown, as in
/// Agno: the run answers with an <see cref="AgentResponse"/> whose text is the check's message,
/// <see cref="ChatFinishReason.ContentFilter"/> as finish reason and Agno's error fields in <c>AdditionalProperties</c>
/// (read them with <see cref="AgentFrameworkHookRejection.GetHookRejection(AgentResponse)"/>). A rejected input never reaches the
/// inner agent; a rejected output never reaches the caller of <c>RunAsync</c>; a rejected run queues no background hook.</para>
/// <para><b>Streaming.</b> Nothing of the answer reaches a streaming caller before every output guardrail has seen it: an
/// incremental guardrail (<see cref="IStreamingOutputGuardrail"/>: PII, prompt injection) holds back only its window and
/// lets the checked text out, masked where it masks; any other output guardrail holds the whole answer until the post
/// stage has passed it. Updates carry the checked text, the same as a not-streamed run's; an output check that rejects
/// the run ends it with one more update that carries the rejection (its text is the check's message), as Agno's
/// <c>RunError</c> follows the content events, and nothing it rejected goes out. Other post-hooks run after the last
/// update: their changes reach the final content, not text already sent.</para>
/// <para><b>Session.</b> Inline hooks may bind the run's <see cref="AgentSession"/>; when the caller passes none, one is created
/// for the run. <see cref="RunContext.SessionId"/> is stable for one <see cref="AgentSession"/> object.</para>
/// </remarks>
public sealed partial class AgnoHooksAgent : DelegatingAIAgent, IToolHookOwner
{
    /// <summary>The <c>AdditionalProperties</c> key under which AgentOS's adapter passes a run's Agno options.</summary>
    internal const string ServedRunKey = "agno.hooks.served_run";

    /// <summary>The <c>AdditionalProperties</c> key under which a served run's updates carry its <see cref="RunEvent"/>s to AgentOS's adapter.</summary>
    internal const string SignalKey = "agno.hooks.signal";

    private static readonly ConditionalWeakTable<AgentSession, string> SessionIds = new();

    private readonly IServiceProvider? _services;
    private HookPipeline? _pipeline;

    /// <param name="innerAgent">The agent the hooks wrap.</param>
    /// <param name="services">What hooks resolve services from, and where the pipeline (settings, background queue) comes from.</param>
    public AgnoHooksAgent(AIAgent innerAgent, IServiceProvider? services = null)
        : base(innerAgent)
    {
        // AIAgentBuilder.Build() without a container hands out an empty provider of its own: that is no services at all,
        // so that AgentOS's request services (settings, queue, DI) apply when it serves the agent.
        _services = services?.GetService(typeof(IServiceProvider)) is null ? null : services;
        PreHooks = new HookList(this, HookStage.Pre);
        PostHooks = new HookList(this, HookStage.Post);
        PreToolHooks = new HookList(this, HookStage.PreToolCall);
        PostToolHooks = new HookList(this, HookStage.PostToolCall);
        ToolHooks = new HookList(this, HookStage.ToolCall);
    }

    /// <summary>An agent: hooks that bind <see cref="IHookOwner"/> or <see cref="AIAgent"/> attach here; hooks that bind Agno.Hooks' own <see cref="Agent"/> don't.</summary>
    public HookOwnerKind Kind => HookOwnerKind.Agent;

    /// <summary>Run before the inner agent; guardrails first, then the others in list order.</summary>
    public HookList PreHooks { get; }

    /// <summary>Run after the inner agent; guardrails first, then the others in list order.</summary>
    public HookList PostHooks { get; }

    /// <inheritdoc/>
    /// <remarks>They run in the inner agent's own tool loop (a <see cref="ChatClientAgent"/>'s <see cref="FunctionInvokingChatClient"/>), which this layer takes over at its first run.</remarks>
    public HookList PreToolHooks { get; }

    /// <inheritdoc/>
    public HookList PostToolHooks { get; }

    /// <inheritdoc/>
    public HookList ToolHooks { get; }

    /// <summary>The most tool calls one run may make (Agno's <c>tool_call_limit</c>); null: no limit.</summary>
    public int? ToolCallLimit { get; init; }

    /// <summary>The agent the hooks wrap.</summary>
    public AIAgent Inner => InnerAgent;

    /// <summary>The inner agent, its tool loop (if it has one) running this layer's tool hooks.</summary>
    private AIAgent HookedInner()
    {
        InnerAgent.GetService<FunctionInvokingChatClient>()?.UseAgnoToolHooks(ToolCallLimit);
        return InnerAgent;
    }

    /// <summary>
    /// Resolved at the first run, not when the agent is built: built inside a container's factory (AgentOS's served
    /// agents), it must not ask that container for the background executor, which depends on the agents being served.
    /// </summary>
    private HookPipeline Pipeline => _pipeline ??= HookPipeline.From(_services);

    /// <summary>Throws when a background hook has nowhere to go: no <c>AddAgnoHooks()</c> in the services the agent was built with.</summary>
    public void EnsureBackgroundDestination()
    {
        if (!HookPipeline.HasBackgroundDestination(_services) && HookPipeline.HasBackgroundHooks(this, HookPipeline.OptionsFrom(_services).RunHooksInBackground))
        {
            throw new InvalidOperationException($"Agent '{Name ?? Id}' has background hooks but nowhere to run them: call services.AddAgnoHooks() and build the agent with those services (AIAgentBuilder.Build(services)), or serve it with AgentOS.");
        }
    }

    protected override async Task<AgentResponse> RunCoreAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var created = session is null;
        session ??= await InnerAgent.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
        var served = TakeServedRun(ref options);
        var work = new InnerRun(this, messages, session, created, options, served);
        var output = await PipelineFor(served).RunAsync(this, ChatRunInput.ContentOf(work.Request), work, work.RunOptions(_services), cancellationToken).ConfigureAwait(false);
        if (served is null)
        {
            work.Failure?.Throw();
        }

        if (HookRejection.From(output) is { } rejection)
        {
            return Rejected(rejection, output);
        }

        var response = work.Response ?? new AgentResponse(new ChatMessage(ChatRole.Assistant, output.Content)) { AgentId = Id };
        if (output.Content == work.Text)
        {
            return response;
        }

        // The inner agent's response is ours to change; the session keeps what the model said.
        response.Messages = [new ChatMessage(ChatRole.Assistant, output.Content) { AuthorName = response.Messages.LastOrDefault()?.AuthorName ?? Name }];
        return response;
    }

    protected override async IAsyncEnumerable<AgentResponseUpdate> RunCoreStreamingAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var created = session is null;
        session ??= await InnerAgent.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
        var served = TakeServedRun(ref options);
        var work = new InnerRun(this, messages, session, created, options, served);
        AgentResponseUpdate? last = null;
        await foreach (var runEvent in PipelineFor(served).RunStreamingAsync(this, ChatRunInput.ContentOf(work.Request), work, work.RunOptions(_services), cancellationToken).ConfigureAwait(false))
        {
            // A content event's text is what the output guardrails let out; the inner update's may not be.
            var content = runEvent.Kind == RunEventKind.RunContent;
            var inner = runEvent.RawRepresentation as AgentResponseUpdate;
            last = inner ?? last;
            if (served is not null)
            {
                // AgentOS's adapter gets every event of the run, the content ones on the inner agent's own updates.
                var update = (content ? CheckedAgentUpdates.For(runEvent, inner, last) : null) ?? new AgentResponseUpdate();
                (update.AdditionalProperties ??= [])[SignalKey] = runEvent;
                yield return update;
            }
            else if (content)
            {
                if (CheckedAgentUpdates.For(runEvent, inner, last) is { } update)
                {
                    yield return update;
                }
            }
            else if (runEvent.Kind == RunEventKind.RunError && HookRejection.From(runEvent.Output!) is { } rejection)
            {
                var rejected = Rejected(rejection, runEvent.Output!);
                yield return new AgentResponseUpdate(ChatRole.Assistant, rejected.Text)
                {
                    AgentId = rejected.AgentId,
                    AuthorName = rejected.Messages[0].AuthorName,
                    FinishReason = rejected.FinishReason,
                    CreatedAt = rejected.CreatedAt,
                    AdditionalProperties = rejected.AdditionalProperties,
                };
            }
        }

        if (served is null)
        {
            work.Failure?.Throw();
        }
    }

    /// <summary>The stable id <see cref="RunContext.SessionId"/> has for <paramref name="session"/> outside AgentOS.</summary>
    public static string SessionIdOf(AgentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return SessionIds.GetValue(session, static _ => Guid.NewGuid().ToString());
    }

    /// <summary>Served without services of its own, the agent takes AgentOS's settings and queue from the request's services.</summary>
    private HookPipeline PipelineFor(ServedRun? served) =>
        _services is null && served?.Options.Services is { } requestServices ? HookPipeline.From(requestServices) : Pipeline;

    /// <summary>Takes AgentOS's run options out of <paramref name="options"/>, so they never reach the inner agent (or its model).</summary>
    private static ServedRun? TakeServedRun(ref AgentRunOptions? options)
    {
        if (options?.AdditionalProperties is not { } properties || !properties.TryGetValue(ServedRunKey, out var value) || value is not ServedRun served)
        {
            return null;
        }

        options = options.Clone();
        options.AdditionalProperties!.Remove(ServedRunKey);
        if (options.AdditionalProperties.Count == 0)
        {
            options.AdditionalProperties = null;
        }

        return served;
    }

    private AgentResponse Rejected(HookRejection rejection, RunOutput output) =>
        new(new ChatMessage(ChatRole.Assistant, rejection.Message) { AuthorName = Name })
        {
            AgentId = Id,
            FinishReason = ChatFinishReason.ContentFilter,
            CreatedAt = output.CreatedAt + output.Metrics.Duration,
            AdditionalProperties = rejection.WriteTo(null),
        };

    /// <summary>
    /// One run of the inner agent, as the run's work: what it answered, or how it failed. <c>createdSession</c>: the adapter
    /// created the session for this run, so nothing else has it yet.
    /// </summary>
    private sealed class InnerRun(AgnoHooksAgent owner, IEnumerable<ChatMessage> messages, AgentSession session, bool createdSession, AgentRunOptions? innerOptions, ServedRun? served) : RunWork
    {
        public IReadOnlyList<ChatMessage> Request { get; } = messages as IReadOnlyList<ChatMessage> ?? [.. messages];

        public AgentResponse? Response { get; private set; }

        /// <summary>The answer's text as the inner agent gave it, before any post-hook.</summary>
        public string? Text { get; private set; }

        public ExceptionDispatchInfo? Failure { get; private set; }

        /// <summary>
        /// AgentOS's options for the run when it is served, with the request's history and the session; else the session's
        /// own id, or none for a session created for the run: the run makes one, which <see cref="CreateOutput"/> records.
        /// </summary>
        public RunOptions RunOptions(IServiceProvider? services) => served?.Options is { } options
            ? options with { Messages = ChatRunInput.HistoryOf(Request), Session = session, Services = options.Services ?? services }
            : new RunOptions { SessionId = createdSession ? null : SessionIdOf(session), Messages = ChatRunInput.HistoryOf(Request), Session = session, Services = services };

        public override RunOutput CreateOutput(HookRun run)
        {
            // Before any hook can see the session: from now on SessionIdOf gives the run's id for it. Made by the run, not
            // by SessionIdOf, as Guid.NewGuid() costs a system call per id, and most runs create their session.
            if (createdSession && served is null)
            {
                SessionIds.TryAdd(session, run.Run.SessionId);
            }

            var output = base.CreateOutput(run);
            var metadata = owner.InnerAgent.GetService<ChatClientMetadata>();
            output.Model = metadata?.DefaultModelId;
            output.ModelProvider = metadata?.ProviderName;
            if (served is not null)
            {
                served.Output = output;
            }

            return output;
        }

        public override async ValueTask ExecuteAsync(HookRun run)
        {
            try
            {
                Response = await owner.HookedInner().RunAsync(ChatRunInput.WithInput(Request, run.Input), session, innerOptions, run.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !run.CancellationToken.IsCancellationRequested)
            {
                Fail(run, exception);
                return;
            }

            var output = run.Output;
            output.Content = Text = Response.Text;
            output.Model = (Response.RawRepresentation as ChatResponse)?.ModelId ?? output.Model;
            output.ResponseId = Response.ResponseId;
            output.Metrics.AddUsage(Response.Usage);
        }

        public override async IAsyncEnumerable<RunEvent> ExecuteStreamingAsync(HookRun run)
        {
            var output = run.Output;
            var text = new StringBuilder();
            await foreach (var update in UntilFailureAsync(owner.HookedInner().RunStreamingAsync(ChatRunInput.WithInput(Request, run.Input), session, innerOptions, run.CancellationToken), run, Fail).ConfigureAwait(false))
            {
                text.Append(update.Text);
                output.ResponseId ??= update.ResponseId;
                if ((update.RawRepresentation as ChatResponseUpdate)?.ModelId is { } modelId)
                {
                    output.Model = modelId;
                }

                output.Metrics.AddUsage(update.Contents);
                yield return run.Event(RunEventKind.RunContent, update.Text, rawRepresentation: update);
            }

            if (output.Status == RunStatus.Error)
            {
                yield break;
            }

            output.Content = Text = text.ToString();
            yield return run.Event(RunEventKind.RunContentCompleted);
        }

        /// <summary>
        /// The run fails: what passed the guardrails still runs in the background. A caller of the agent gets the exception
        /// once the run is over; AgentOS gets the run's error, with a message safe to show, and the exception is logged.
        /// </summary>
        private void Fail(HookRun run, Exception exception)
        {
            if (served is null)
            {
                Failure = ExceptionDispatchInfo.Capture(exception);
            }
            else
            {
                LogAgentFailed(run.Pipeline.Logger, exception, owner.Id, run.Run.RunId);
            }

            run.Fail("model_error", "The agent run failed.");
        }
    }

    [LoggerMessage(LogEvents.AgentFailed, LogLevel.Error, "Agent '{AgentId}' failed in run '{RunId}'.")]
    private static partial void LogAgentFailed(ILogger logger, Exception exception, string agentId, string runId);
}

/// <summary>One run AgentOS asked for: its Agno options in, its output out. Passed in the run options' <c>AdditionalProperties</c>.</summary>
internal sealed class ServedRun(RunOptions options)
{
    public RunOptions Options { get; } = options;

    public RunOutput? Output { get; set; }
}
