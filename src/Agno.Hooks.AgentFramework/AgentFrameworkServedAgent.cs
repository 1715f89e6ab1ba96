using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agno.Hooks.AgentFramework;

/// <summary>
/// An Agent Framework <see cref="AIAgent"/> served by AgentOS as an agent, in Agno's wire format: its id, name, description
/// and model at <c>/agents</c> and <c>/config</c>, its runs at <c>POST /agents/{id}/runs</c> (streamed as Agno's events,
/// or as one JSON run), its hooks' events in the stream, and its background hooks queued after the response has been sent.
/// Made by <see cref="AgentFrameworkServingExtensions.AsServedAgent"/>; an agent without <c>UseAgnoHooks</c> gets an
/// <see cref="AgnoHooksAgent"/> with no hooks, so every run has Agno's shape.
/// </summary>
/// <remarks>
/// Each <c>session_id</c> has one <see cref="AgentSession"/>, created by the agent on its first run and kept in memory for
/// the life of this object, so a second run of a session continues its conversation. Runs of one session take turns; runs
/// of different sessions run side by side.
/// </remarks>
public sealed partial class AgentFrameworkServedAgent : ServedAgent
{
    private readonly AgnoHooksAgent _hooks;
    private readonly ConcurrentDictionary<string, SessionSlot> _sessions = new(StringComparer.Ordinal);

    /// <param name="agent">The agent; its <see cref="AgnoHooksAgent"/> layer, if any, is found with <c>GetService</c>.</param>
    public AgentFrameworkServedAgent(AIAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (agent.GetService<AgnoHooksAgent>() is { } hooks)
        {
            Agent = agent;
            _hooks = hooks;
        }
        else
        {
            Agent = _hooks = new AgnoHooksAgent(agent);
        }
    }

    /// <summary>The agent AgentOS runs: the one given, or the hooks layer around it.</summary>
    public AIAgent Agent { get; }

    /// <summary>The hooks layer: the hooks' owner, whose id AgentOS serves.</summary>
    public override IHookOwner Owner => _hooks;

    public override string? Description => Agent.Description;

    public override string? Instructions => Agent.GetService<ChatClientAgent>()?.Instructions;

    public override ChatClientMetadata? ModelMetadata => Agent.GetService<ChatClientMetadata>();

    /// <summary>How many sessions are kept.</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>The session kept for <paramref name="sessionId"/>, or null when no run has used it yet.</summary>
    public AgentSession? FindSession(string sessionId) =>
        _sessions.TryGetValue(sessionId, out var slot) ? slot.Session : null;

    public override async Task<RunOutput> RunAsync(string message, RunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var (slot, session) = await EnterSessionAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            var served = new ServedRun(options);
            try
            {
                await Agent.RunAsync([new ChatMessage(ChatRole.User, message)], session, RunOptionsFor(served), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Fail(served, options, exception);
            }

            return served.Output ?? throw new InvalidOperationException($"Agent '{Id}' ran without its Agno.Hooks layer: a middleware between AgentOS and UseAgnoHooks dropped the run options' AdditionalProperties.");
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    public override async IAsyncEnumerable<RunEvent> RunStreamingAsync(string message, RunOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var (slot, session) = await EnterSessionAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            var served = new ServedRun(options);
            var time = TimeOf(options);
            var failed = false;
            var updates = Agent.RunStreamingAsync([new ChatMessage(ChatRole.User, message)], session, RunOptionsFor(served), cancellationToken).GetAsyncEnumerator(cancellationToken);
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
                        Fail(served, options, exception);
                        failed = true;
                        break;
                    }

                    if (EventFor(updates.Current, served, options, time) is { } runEvent)
                    {
                        yield return runEvent;
                    }
                }
            }
            finally
            {
                await updates.DisposeAsync().ConfigureAwait(false);
            }

            var output = served.Output ?? throw new InvalidOperationException($"Agent '{Id}' ran without its Agno.Hooks layer: a middleware between AgentOS and UseAgnoHooks dropped the run options' AdditionalProperties.");
            yield return failed || output.Status != RunStatus.Completed
                ? Event(RunEventKind.RunError, served, options, time, content: output.Content)
                : Event(RunEventKind.RunCompleted, served, options, time, content: output.Content);
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>The run's event for one update: a signal of the hooks layer, or a content delta; null for anything else.</summary>
    private RunEvent? EventFor(AgentResponseUpdate update, ServedRun served, RunOptions options, TimeProvider time)
    {
        if (update.AdditionalProperties?.TryGetValue(AgnoHooksAgent.SignalKey, out var value) is true && value is ServedSignal signal)
        {
            if (signal.IsStarted)
            {
                return Event(RunEventKind.RunStarted, served, options, time);
            }

            if (signal.HookEvent is not { } hookEvent)
            {
                return Event(RunEventKind.RunContentCompleted, served, options, time);
            }

            var kind = (hookEvent.Kind, hookEvent.Stage) switch
            {
                (HookEventKind.Started, HookStage.Pre) => RunEventKind.PreHookStarted,
                (HookEventKind.Completed, HookStage.Pre) => RunEventKind.PreHookCompleted,
                (HookEventKind.Started, HookStage.Post) => RunEventKind.PostHookStarted,
                (HookEventKind.Completed, HookStage.Post) => RunEventKind.PostHookCompleted,

                // A failed hook is logged, a rejection ends the run with RunError: neither has an event of its own, as in Agno.
                _ => (RunEventKind?)null,
            };
            return kind is { } eventKind
                ? Event(eventKind, served, options, time, hookName: hookEvent.Hook.Name, input: hookEvent.Stage == HookStage.Pre ? served.Input : null)
                : null;
        }

        var text = update.Text;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (served.Output is { } output)
        {
            output.Metrics.TimeToFirstToken ??= time.GetUtcNow() - output.CreatedAt;
        }

        return Event(RunEventKind.RunContent, served, options, time, content: text);
    }

    private RunEvent Event(RunEventKind kind, ServedRun served, RunOptions options, TimeProvider time, string? content = null, string? hookName = null, RunInput? input = null)
    {
        var output = served.Output;
        return new RunEvent
        {
            Kind = kind,
            CreatedAt = time.GetUtcNow(),
            Owner = _hooks,
            RunId = output?.RunId ?? options.RunId ?? string.Empty,
            SessionId = output?.SessionId ?? options.SessionId ?? string.Empty,
            NestedDepth = options.NestedDepth,
            Content = content,
            HookName = hookName,
            Input = input,
            Output = output,
        };
    }

    /// <summary>A run whose agent threw: status Error, and a message safe to show (the exception, which may hold addresses or keys, goes to the log).</summary>
    private void Fail(ServedRun served, RunOptions options, Exception exception)
    {
        var services = options.Services;
        var logger = (ILogger?)services?.GetService<ILoggerFactory>()?.CreateLogger("Agno.Hooks.AgentFramework") ?? NullLogger.Instance;
        var output = served.Output ??= new RunOutput
        {
            RunId = string.IsNullOrEmpty(options.RunId) ? Guid.NewGuid().ToString() : options.RunId,
            SessionId = options.SessionId ?? string.Empty,
            UserId = options.UserId,
            OwnerId = Id,
            OwnerName = Name,
            CreatedAt = TimeOf(options).GetUtcNow(),
        };
        LogAgentFailed(logger, exception, Id, output.RunId);
        output.Status = RunStatus.Error;
        output.ErrorType = "model_error";
        output.Content = "The agent run failed.";
    }

    private static AgentRunOptions RunOptionsFor(ServedRun served) => new()
    {
        AdditionalProperties = new() { [AgnoHooksAgent.ServedRunKey] = served },
    };

    private static TimeProvider TimeOf(RunOptions options) => options.Services?.GetService<TimeProvider>() ?? TimeProvider.System;

    /// <summary>The session of the run's <c>session_id</c>, created on its first run; waits while another run of it goes on.</summary>
    private async Task<(SessionSlot Slot, AgentSession Session)> EnterSessionAsync(RunOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.SessionId))
        {
            // No session to continue: a new one, kept by no one.
            var fresh = new SessionSlot();
            await fresh.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            return (fresh, await Agent.CreateSessionAsync(cancellationToken).ConfigureAwait(false));
        }

        var slot = _sessions.GetOrAdd(options.SessionId, static _ => new SessionSlot());
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (slot, slot.Session ??= await Agent.CreateSessionAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            slot.Gate.Release();
            throw;
        }
    }

    [LoggerMessage(40, LogLevel.Error, "Agent '{AgentId}' failed in run '{RunId}'.")]
    private static partial void LogAgentFailed(ILogger logger, Exception exception, string agentId, string runId);

    private sealed class SessionSlot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public AgentSession? Session { get; set; }
    }
}
