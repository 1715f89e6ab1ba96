using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.AgentFramework;

/// <summary>
/// Agno's hooks around any Microsoft Agent Framework <see cref="AIAgent"/>: a <see cref="DelegatingAIAgent"/> that runs the
/// inline pre-hooks (guardrails first) on a <see cref="RunInput"/> made from the request, runs the inner agent on the input
/// as the hooks left it, runs the inline post-hooks on a <see cref="RunOutput"/> made from its <see cref="AgentResponse"/>,
/// and then hands the background hooks' copies to the background queue (<see cref="HookRun.CompleteAsync"/>).
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
/// <para><b>Streaming.</b> Updates pass through as they arrive, nothing is buffered; the post-hooks run after the last one.
/// Text already streamed can't be taken back: a post-hook's change to the content does not reach a streaming caller, and an
/// output check that rejects a streamed run ends it with one more update that carries the rejection (its text is the check's
/// message), as Agno's <c>RunError</c> follows the content events. Use <c>RunAsync</c> where an output guardrail must hold
/// the answer back.</para>
/// <para><b>Session.</b> Inline hooks may bind the run's <see cref="AgentSession"/>; when the caller passes none, one is created
/// for the run. <see cref="RunContext.SessionId"/> is stable for one <see cref="AgentSession"/> object.</para>
/// </remarks>
public sealed class AgnoHooksAgent : DelegatingAIAgent, IHookOwner
{
    /// <summary>The <c>AdditionalProperties</c> key under which AgentOS's adapter passes a run's Agno options.</summary>
    internal const string ServedRunKey = "agno.hooks.served_run";

    /// <summary>The <c>AdditionalProperties</c> key of the updates that tell the AgentOS adapter about the run's hooks.</summary>
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
    }

    /// <summary>An agent: hooks that bind <see cref="IHookOwner"/> or <see cref="AIAgent"/> attach here; hooks that bind Agno.Hooks' own <see cref="Agent"/> don't.</summary>
    public HookOwnerKind Kind => HookOwnerKind.Agent;

    /// <summary>Run before the inner agent; guardrails first, then the others in list order.</summary>
    public HookList PreHooks { get; }

    /// <summary>Run after the inner agent; guardrails first, then the others in list order.</summary>
    public HookList PostHooks { get; }

    /// <summary>The agent the hooks wrap.</summary>
    public AIAgent Inner => InnerAgent;

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
        session ??= await InnerAgent.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
        var (run, innerOptions) = Start(messages, session, options, cancellationToken);
        var hooks = run.Hooks;
        if (!await hooks.ExecutePreHooksAsync().ConfigureAwait(false))
        {
            return Reject(run);
        }

        AgentResponse response;
        try
        {
            response = await InnerAgent.RunAsync(ChatRunInput.WithInput(run.Request, hooks.Input), session, innerOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A failure is not a rejection: what passed the guardrails still runs.
            await hooks.CompleteAsync(cancellationToken).ConfigureAwait(false);
            throw;
        }

        var text = response.Text;
        var output = run.Output;
        output.Content = text;
        output.Model = (response.RawRepresentation as ChatResponse)?.ModelId ?? output.Model;
        output.ResponseId = response.ResponseId;
        output.Metrics.AddUsage(response.Usage);
        if (!await hooks.ExecutePostHooksAsync(output).ConfigureAwait(false))
        {
            return Reject(run);
        }

        Complete(run);
        await hooks.CompleteAsync(cancellationToken).ConfigureAwait(false);
        if (output.Content == text)
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
        session ??= await InnerAgent.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
        var (run, innerOptions) = Start(messages, session, options, cancellationToken);
        var hooks = run.Hooks;
        var served = run.Served is not null;
        if (served)
        {
            yield return Signal(ServedSignal.Started);
            await foreach (var hookEvent in hooks.StreamPreHooksAsync().ConfigureAwait(false))
            {
                yield return Signal(new ServedSignal(hookEvent));
            }
        }
        else
        {
            await hooks.ExecutePreHooksAsync().ConfigureAwait(false);
        }

        if (hooks.IsRejected)
        {
            var rejected = Reject(run);
            if (!served)
            {
                yield return RejectedUpdate(rejected);
            }

            yield break;
        }

        var output = run.Output;
        var text = new StringBuilder();
        var usage = new UsageDetails();
        var updates = InnerAgent.RunStreamingAsync(ChatRunInput.WithInput(run.Request, hooks.Input), session, innerOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    await hooks.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    throw;
                }

                var update = updates.Current;
                text.Append(update.Text);
                output.ResponseId ??= update.ResponseId;
                if ((update.RawRepresentation as ChatResponseUpdate)?.ModelId is { } modelId)
                {
                    output.Model = modelId;
                }

                foreach (var content in update.Contents)
                {
                    if (content is UsageContent { Details: { } details })
                    {
                        usage.Add(details);
                    }
                }

                yield return update;
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }

        output.Content = text.ToString();
        output.Metrics.AddUsage(usage);
        if (served)
        {
            yield return Signal(ServedSignal.ContentCompleted);
            await foreach (var hookEvent in hooks.StreamPostHooksAsync(output).ConfigureAwait(false))
            {
                yield return Signal(new ServedSignal(hookEvent));
            }
        }
        else
        {
            await hooks.ExecutePostHooksAsync(output).ConfigureAwait(false);
        }

        if (hooks.IsRejected)
        {
            var rejected = Reject(run);
            if (!served)
            {
                yield return RejectedUpdate(rejected);
            }

            yield break;
        }

        Complete(run);
        await hooks.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stable id <see cref="RunContext.SessionId"/> has for <paramref name="session"/> outside AgentOS.</summary>
    public static string SessionIdOf(AgentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return SessionIds.GetValue(session, static _ => Guid.NewGuid().ToString());
    }

    private (RunState Run, AgentRunOptions? InnerOptions) Start(IEnumerable<ChatMessage> messages, AgentSession session, AgentRunOptions? options, CancellationToken cancellationToken)
    {
        var served = TakeServedRun(ref options);
        var request = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var runOptions = served?.Options;
        var run = new RunContext(NonEmptyOr(runOptions?.RunId), runOptions?.SessionId is { Length: > 0 } sessionId ? sessionId : SessionIdOf(session), runOptions?.UserId)
        {
            Metadata = runOptions?.Metadata ?? [],
            SessionState = runOptions?.SessionState ?? [],
            Arguments = runOptions?.Arguments ?? [],
        };
        var input = ChatRunInput.From(request, run);

        // Served without services of its own, the agent takes AgentOS's settings and queue from the request's services.
        var pipeline = _services is null && runOptions?.Services is { } requestServices ? HookPipeline.From(requestServices) : Pipeline;
        var metadata = InnerAgent.GetService<ChatClientMetadata>();
        var output = new RunOutput
        {
            RunId = run.RunId,
            SessionId = run.SessionId,
            UserId = run.UserId,
            OwnerId = Id,
            OwnerName = Name,
            CreatedAt = pipeline.Time.GetUtcNow(),
            Metadata = run.Metadata,
            Model = metadata?.DefaultModelId,
            ModelProvider = metadata?.ProviderName,
            Input = input,
        };
        var hooks = pipeline.StartRun(this, run, input, new HookRunOptions
        {
            Services = runOptions?.Services ?? _services,
            RunHooksInBackground = runOptions?.RunHooksInBackground,
            Background = runOptions?.BackgroundQueue,
            Session = session,
        }, cancellationToken);
        if (served is not null)
        {
            served.Output = output;
            served.Input = input;
        }

        return (new RunState(request, hooks, output, served, pipeline.Time, pipeline.Time.GetTimestamp()), options);
    }

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

    private AgentResponse Reject(RunState run)
    {
        run.Hooks.ApplyRejection(run.Output);
        run.Output.Metrics.Duration = run.Time.GetElapsedTime(run.StartedAt);
        var rejection = HookRejection.From(run.Hooks.Rejection!);
        return new AgentResponse(new ChatMessage(ChatRole.Assistant, rejection.Message) { AuthorName = Name })
        {
            AgentId = Id,
            FinishReason = ChatFinishReason.ContentFilter,
            CreatedAt = run.Time.GetUtcNow(),
            AdditionalProperties = rejection.WriteTo(null),
        };
    }

    private static AgentResponseUpdate RejectedUpdate(AgentResponse rejected) => new(ChatRole.Assistant, rejected.Text)
    {
        AgentId = rejected.AgentId,
        AuthorName = rejected.Messages[0].AuthorName,
        FinishReason = rejected.FinishReason,
        CreatedAt = rejected.CreatedAt,
        AdditionalProperties = rejected.AdditionalProperties,
    };

    private static void Complete(RunState run)
    {
        run.Output.Status = RunStatus.Completed;
        run.Output.Metrics.Duration = run.Time.GetElapsedTime(run.StartedAt);
    }

    private static AgentResponseUpdate Signal(ServedSignal signal) => new()
    {
        AdditionalProperties = new() { [SignalKey] = signal },
    };

    private static string NonEmptyOr(string? id) => string.IsNullOrEmpty(id) ? Guid.NewGuid().ToString() : id;

    private sealed record RunState(IReadOnlyList<ChatMessage> Request, HookRun Hooks, RunOutput Output, ServedRun? Served, TimeProvider Time, long StartedAt);
}

/// <summary>One run AgentOS asked for: its Agno options in, its output out. Passed in the run options' <c>AdditionalProperties</c>.</summary>
internal sealed class ServedRun(RunOptions options)
{
    public RunOptions Options { get; } = options;

    public RunOutput? Output { get; set; }

    public RunInput? Input { get; set; }
}

/// <summary>What the hooks layer tells AgentOS's adapter as a streamed run goes: it started, a hook's event, the content is complete.</summary>
internal sealed class ServedSignal(HookEvent? hookEvent, bool started = false)
{
    public static readonly ServedSignal Started = new(null, started: true);

    public static readonly ServedSignal ContentCompleted = new(null);

    public HookEvent? HookEvent { get; } = hookEvent;

    public bool IsStarted { get; } = started;
}
