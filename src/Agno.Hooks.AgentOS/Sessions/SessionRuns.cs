using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Cancellation;
using Agno.Hooks.AgentOS.Runs;
using Agno.Hooks.AgentOS.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>
/// What a run request adds to a run: its session (the stored state merged under the request's, and for an
/// agent the earlier turns as <see cref="RunOptions.Messages"/>), its registration for cancelling, and the
/// record of the finished run in the session, saved before the last event or the JSON answer is written,
/// so a client that has its answer finds the run in the session.
/// </summary>
internal sealed partial class SessionRuns(
    ISessionStore store,
    RunningRuns running,
    IOptions<AgentOSOptions> options,
    TimeProvider time,
    ILogger<SessionRuns> logger)
{
    private readonly AgentOSSessionOptions _options = options.Value.Sessions;

    private TimeProvider Time { get; } = time;

    /// <summary>
    /// Opens the request's session. A session that belongs to another agent, team or workflow, or to
    /// another user, is refused with 409.
    /// </summary>
    public async Task<(SessionRun? Run, int Status, string? Problem)> BeginAsync(RunTarget runnable, RunRequest request, CancellationToken cancellationToken)
    {
        var owner = OwnerOf(runnable.Owner);
        var existing = await store.GetAsync(request.SessionId, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.Owner != owner)
        {
            return (null, StatusCodes.Status409Conflict,
                $"Session '{request.SessionId}' belongs to {SessionWireFormat.TypeName(existing.Owner.Type)} '{existing.Owner.Id}'; use another session_id.");
        }

        if (existing is not null && !string.Equals(existing.UserId, request.UserId, StringComparison.Ordinal))
        {
            return (null, StatusCodes.Status409Conflict, $"Session '{request.SessionId}' belongs to another user; use another session_id.");
        }

        // As Agno: the stored state, with the request's values over it.
        var state = existing?.SessionState ?? [];
        if (request.SessionState is { } given)
        {
            Merge(state, given);
        }

        var history = runnable.TakesHistory && existing is not null ? History(existing, _options.HistoryRuns) : null;
        var runId = Guid.NewGuid().ToString();
        var registration = running.Register(runId, owner);
        return (new SessionRun(this, runnable, owner, request, runId, state, history, registration), StatusCodes.Status200OK, null);
    }

    public static SessionOwner OwnerOf(IHookOwner runnable) => new(runnable.Kind switch
    {
        HookOwnerKind.Team => SessionType.Team,
        HookOwnerKind.Workflow => SessionType.Workflow,
        _ => SessionType.Agent,
    }, runnable.Id);

    /// <summary>The user and assistant messages of the last <paramref name="runs"/> completed runs, oldest first.</summary>
    private static List<RunMessage>? History(SessionRecord session, int runs)
    {
        if (runs <= 0)
        {
            return null;
        }

        var completed = session.Runs.Where(run => run.Status == RunStatus.Completed).ToList();
        return completed
            .Skip(Math.Max(0, completed.Count - runs))
            .SelectMany(run => run.Messages)
            .Where(message => message.Role is "user" or "assistant")
            .Select(message => new RunMessage(message.Role, message.Content))
            .ToList();
    }

    /// <summary>Agno's <c>merge_dictionaries</c>: objects merge key by key, anything else is replaced.</summary>
    private static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (value is JsonObject nested && target[key] is JsonObject existing)
            {
                Merge(existing, nested);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private async Task SaveAsync(string sessionId, SessionRunRecord run, JsonObject sessionState)
    {
        try
        {
            if (!await store.AddRunAsync(sessionId, run, sessionState, CancellationToken.None).ConfigureAwait(false))
            {
                LogNotSaved(run.RunId, sessionId);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The client still gets its answer; the store's failure is logged, as Agno logs a failed save.
            LogSaveFailed(exception, run.RunId, sessionId);
        }
    }

    [LoggerMessage(LogEvents.RunNotSaved, LogLevel.Warning, "Run '{RunId}' was not saved: session '{SessionId}' now belongs to another owner or user.")]
    private partial void LogNotSaved(string runId, string sessionId);

    [LoggerMessage(LogEvents.RunSaveFailed, LogLevel.Error, "Run '{RunId}' could not be saved in session '{SessionId}'.")]
    private partial void LogSaveFailed(Exception exception, string runId, string sessionId);

    [LoggerMessage(LogEvents.RunCancelled, LogLevel.Information, "Run '{RunId}' was cancelled.")]
    private partial void LogCancelled(string runId);

    /// <summary>One request's run in its session.</summary>
    internal sealed class SessionRun : IDisposable
    {
        private readonly SessionRuns _runs;
        private readonly RunTarget _runnable;
        private readonly SessionOwner _owner;
        private readonly RunRequest _request;
        private readonly RunningRuns.Registration _registration;
        private readonly DateTimeOffset _startedAt;

        internal SessionRun(SessionRuns runs, RunTarget runnable, SessionOwner owner, RunRequest request, string runId, JsonObject sessionState, List<RunMessage>? history, RunningRuns.Registration registration)
        {
            _runs = runs;
            _runnable = runnable;
            _owner = owner;
            _request = request;
            _registration = registration;
            _startedAt = runs.Time.GetUtcNow();
            RunId = runId;
            SessionState = sessionState;
            History = history;
        }

        public string RunId { get; }

        /// <summary>The run's session state: the object its hooks see as <see cref="RunContext.SessionState"/>, saved when it ends.</summary>
        public JsonObject SessionState { get; }

        /// <summary>The earlier turns, for <see cref="RunOptions.Messages"/>; null for a new session, a team or a workflow.</summary>
        public IReadOnlyList<RunMessage>? History { get; }

        /// <summary>Cancelled by <c>POST .../runs/{run_id}/cancel</c>.</summary>
        public CancellationToken CancellationToken => _registration.Token;

        public RunStatus Status { get; private set; } = RunStatus.Running;

        /// <summary>Runs it without streaming: the run's JSON, after the run has been saved in its session.</summary>
        public async Task<RunOutputResponse> RunAsync(string message, RunOptions runOptions)
        {
            RunOutput output;
            try
            {
                output = await _runnable.RunAsync(message, runOptions, CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                var reason = CancelledReason;
                await SaveCancelledAsync(output: null, message, reason).ConfigureAwait(false);
                return CancelledRun(message, reason);
            }

            await SaveAsync(output).ConfigureAwait(false);
            return _runnable.Wire(output);
        }

        /// <summary>
        /// Runs it, streaming Agno's events. The run is saved before its last event; a cancelled run ends with
        /// Agno's pair <c>RunCancelled</c> then <c>RunCompleted</c> (<c>Team…</c>, <c>WorkflowCancelled</c>/<c>WorkflowCompleted</c>).
        /// </summary>
        public async IAsyncEnumerable<RunEventResponse> StreamAsync(string message, RunOptions runOptions)
        {
            var partial = new StringBuilder();
            RunOutput? output = null;
            var cancelled = false;
            var events = _runnable.RunStreamingAsync(message, runOptions, CancellationToken).GetAsyncEnumerator(CancellationToken.None);
            try
            {
                while (true)
                {
                    RunEvent runEvent;
                    try
                    {
                        if (!await events.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }

                        runEvent = events.Current;
                    }
                    catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
                    {
                        cancelled = true;
                        break;
                    }

                    if (runEvent.NestedDepth == 0)
                    {
                        output ??= runEvent.Output;
                        if (runEvent.Kind == RunEventKind.RunContent)
                        {
                            partial.Append(runEvent.Content);
                        }
                        else if (runEvent.Kind is RunEventKind.RunCompleted or RunEventKind.RunError && runEvent.Output is { } final)
                        {
                            await SaveAsync(final).ConfigureAwait(false);
                        }
                    }

                    // As Agno: a failed tool call completes (with tool_call_error), then errs; its web UI ends the call's chip on the first.
                    if (runEvent.Kind == RunEventKind.ToolCallError)
                    {
                        yield return AgnoWireFormat.Event(runEvent, asKind: RunEventKind.ToolCallCompleted);
                    }

                    yield return AgnoWireFormat.Event(runEvent);
                }
            }
            finally
            {
                await events.DisposeAsync().ConfigureAwait(false);
            }

            if (cancelled)
            {
                var reason = CancelledReason;
                var content = partial.Length > 0 ? partial.ToString() : reason;
                await SaveCancelledAsync(output, message, content).ConfigureAwait(false);
                yield return CancelledEvent(completed: false, content, reason);
                yield return CancelledEvent(completed: true, content, reason: null);
            }
        }

        public void Dispose() => _registration.Dispose();

        // Agno's reason: "Run <run_id> was cancelled".
        private string CancelledReason => $"Run {RunId} was cancelled";

        private Task SaveAsync(RunOutput output)
        {
            Status = output.Status;
            var input = output.Input?.Content ?? _request.Message;
            return _runs.SaveAsync(_request.SessionId, Record(input, output.Content, output.Status, Metrics(output.Metrics), output.CreatedAt, output), SessionState);
        }

        private Task SaveCancelledAsync(RunOutput? output, string message, string content)
        {
            Status = RunStatus.Cancelled;
            _runs.LogCancelled(RunId);
            var metrics = output is null
                ? SessionRunMetrics.Empty with { Duration = _runs.Time.GetUtcNow() - _startedAt }
                : Metrics(output.Metrics) with { Duration = _runs.Time.GetUtcNow() - output.CreatedAt };
            return _runs.SaveAsync(_request.SessionId, Record(output?.Input?.Content ?? message, content, RunStatus.Cancelled, metrics, output?.CreatedAt ?? _startedAt, output), SessionState);
        }

        /// <summary>The run as its session keeps it; <paramref name="output"/> gives its tool calls (a cancelled run keeps those made).</summary>
        private SessionRunRecord Record(string input, string? content, RunStatus status, SessionRunMetrics metrics, DateTimeOffset createdAt, RunOutput? output)
        {
            // A workflow has no model, so no conversation of its own; an agent's or team's turn is the
            // message and, once answered, the answer (a cancelled run keeps what had arrived, as Agno does).
            List<SessionMessage> messages = _owner.Type == SessionType.Workflow ? [] : [new SessionMessage("user", input)];
            if (_owner.Type != SessionType.Workflow && content is not null && status is RunStatus.Completed or RunStatus.Cancelled)
            {
                messages.Add(new SessionMessage("assistant", content));
            }

            return new SessionRunRecord
            {
                RunId = RunId,
                Owner = _owner,
                UserId = _request.UserId,
                Input = input,
                Content = content,
                Status = status,
                Metrics = metrics,
                Messages = messages,
                Tools = output is { Tools: { Count: > 0 } tools } ? tools.ConvertAll(ToolCall) : [],
                CreatedAt = createdAt,
                SessionState = JsonSerializer.SerializeToElement(SessionState, SessionJsonContext.Wire.JsonObject),
            };
        }

        /// <summary>A tool call as stored: a snapshot (the run's record is mutable), its arguments immutable JSON.</summary>
        private static SessionToolCall ToolCall(ToolExecution tool) => new()
        {
            ToolCallId = tool.ToolCallId,
            ToolName = tool.ToolName,
            ToolArgs = tool.ToolArgs is null ? null : JsonSerializer.SerializeToElement(tool.ToolArgs, SessionJsonContext.Wire.JsonObject),
            Result = tool.Result,
            ToolCallError = tool.ToolCallError,
            CreatedAt = tool.CreatedAt,
            StartedAt = tool.StartedAt,
            Duration = tool.Duration,
        };

        private static SessionRunMetrics Metrics(RunMetrics metrics) =>
            new(metrics.InputTokens, metrics.OutputTokens, metrics.TotalTokens, metrics.TimeToFirstToken, metrics.Duration);

        /// <summary>A cancelled run's JSON answer: status CANCELLED, its content the reason.</summary>
        private RunOutputResponse CancelledRun(string message, string reason) => new()
        {
            RunId = RunId,
            AgentId = _owner.Type == SessionType.Agent ? _runnable.Id : null,
            AgentName = _owner.Type == SessionType.Agent ? _runnable.Owner.Name : null,
            TeamId = _owner.Type == SessionType.Team ? _runnable.Id : null,
            TeamName = _owner.Type == SessionType.Team ? _runnable.Owner.Name : null,
            WorkflowId = _owner.Type == SessionType.Workflow ? _runnable.Id : null,
            WorkflowName = _owner.Type == SessionType.Workflow ? _runnable.Owner.Name : null,
            SessionId = _request.SessionId,
            UserId = _request.UserId,
            Content = reason,
            ContentType = "str",
            CreatedAt = _startedAt.ToUnixTimeSeconds(),
            Status = WireNames.RunStatus(RunStatus.Cancelled),
            Input = new InputResponse { InputContent = message },
            MemberResponses = _owner.Type == SessionType.Team ? [] : null,
        };

        /// <summary>
        /// Agno's pair of last events of a cancelled run: the cancelled one (<c>RunCancelled</c>,
        /// <c>TeamRunCancelled</c>, <c>WorkflowCancelled</c>, with the reason), then the completed one.
        /// </summary>
        private RunEventResponse CancelledEvent(bool completed, string content, string? reason)
        {
            return new RunEventResponse
            {
                CreatedAt = _runs.Time.GetUtcNow().ToUnixTimeSeconds(),
                Event = completed ? AgnoWireFormat.EventName(RunEventKind.RunCompleted, _runnable.Owner.Kind) : CancelledEventName(_owner.Type),
                AgentId = _owner.Type == SessionType.Agent ? _runnable.Id : null,
                AgentName = _owner.Type == SessionType.Agent ? _runnable.Owner.Name : null,
                TeamId = _owner.Type == SessionType.Team ? _runnable.Id : null,
                TeamName = _owner.Type == SessionType.Team ? _runnable.Owner.Name : null,
                WorkflowId = _owner.Type == SessionType.Workflow ? _runnable.Id : null,
                WorkflowName = _owner.Type == SessionType.Workflow ? _runnable.Owner.Name : null,
                RunId = RunId,
                SessionId = _request.SessionId,
                Content = content,
                ContentType = completed ? "str" : null,
                Reason = reason,
            };
        }

        private static string CancelledEventName(SessionType type) => type switch
        {
            SessionType.Team => "TeamRunCancelled",
            SessionType.Workflow => "WorkflowCancelled",
            _ => "RunCancelled",
        };
    }
}
