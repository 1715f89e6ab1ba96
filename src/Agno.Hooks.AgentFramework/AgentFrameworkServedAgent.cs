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
    internal int SessionCount => _sessions.Count;

    /// <summary>The session kept for <paramref name="sessionId"/>, or null when no run has used it yet.</summary>
    internal AgentSession? FindSession(string sessionId) =>
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
            RunEvent? last = null;
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
                        last = null;
                        break;
                    }

                    // The hooks layer put the run's own event on each update; anything a middleware added around it has none.
                    if (updates.Current.AdditionalProperties?.TryGetValue(AgnoHooksAgent.SignalKey, out var value) is true && value is RunEvent runEvent && IsShown(runEvent))
                    {
                        last = runEvent;
                        yield return runEvent;
                    }
                }
            }
            finally
            {
                await updates.DisposeAsync().ConfigureAwait(false);
            }

            if (last?.Kind is not (RunEventKind.RunCompleted or RunEventKind.RunError))
            {
                var output = served.Output ?? throw new InvalidOperationException($"Agent '{Id}' ran without its Agno.Hooks layer: a middleware between AgentOS and UseAgnoHooks dropped the run options' AdditionalProperties.");
                yield return new RunEvent
                {
                    Kind = RunEventKind.RunError,
                    CreatedAt = TimeOf(options).GetUtcNow(),
                    Owner = _hooks,
                    RunId = output.RunId,
                    SessionId = output.SessionId,
                    NestedDepth = options.NestedDepth,
                    Content = output.Content,
                    Output = output,
                };
            }
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>Agno's stream has no empty content deltas.</summary>
    private static bool IsShown(RunEvent runEvent) => runEvent.Kind != RunEventKind.RunContent || !string.IsNullOrEmpty(runEvent.Content);

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

    [LoggerMessage(LogEvents.ServedAgentFailed, LogLevel.Error, "Agent '{AgentId}' failed in run '{RunId}'.")]
    private static partial void LogAgentFailed(ILogger logger, Exception exception, string agentId, string runId);

    private sealed class SessionSlot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public AgentSession? Session { get; set; }
    }
}
