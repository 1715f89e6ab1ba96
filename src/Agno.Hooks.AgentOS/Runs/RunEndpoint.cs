using Agno.Hooks.AgentOS.Http;
using Agno.Hooks.AgentOS.Sessions;
using Agno.Hooks.AgentOS.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.Runs;

/// <summary>
/// <c>POST /agents/{id}/runs</c>, <c>POST /teams/{id}/runs</c> and <c>POST /workflows/{id}/runs</c>: one path
/// for every <see cref="Runnable"/> and <see cref="ServedAgent"/>, whose kind only picks the route and the wire keys. The run's background hooks are held in a per-request
/// <see cref="DeferredBackgroundHookQueue"/> and handed to the background queue (<see cref="IBackgroundHookQueue"/>) only after the response has been
/// completed (<see cref="HttpResponse.CompleteAsync"/>: the last byte is with the transport), or after the
/// client went away. The run itself is not tied to the connection, so a client that disconnects early still
/// gets its run finished and its hooks run.
/// </summary>
internal sealed partial class RunEndpoint(
    AgentOSCatalog catalog,
    IBackgroundHookQueue background,
    SessionRuns sessions,
    IOptions<AgentOSOptions> options,
    ILogger<RunEndpoint> logger)
{
    private readonly AgentOSOptions _options = options.Value;
    private readonly HookDescriptor[] _osPreHooks = [.. options.Value.PreHooks];
    private readonly HookDescriptor[] _osPostHooks = [.. options.Value.PostHooks];

    public Task HandleAgentRunAsync(HttpContext context)
    {
        var id = RouteId(context, "agent_id");
        var target = catalog.FindAgent(id) is { } agent ? RunTarget.For(agent)
            : catalog.FindServedAgent(id) is { } served ? RunTarget.For(served)
            : null;
        return HandleRunAsync(context, target, "Agent not found");
    }

    public Task HandleTeamRunAsync(HttpContext context) =>
        HandleRunAsync(context, RunTarget.For(catalog.FindTeam(RouteId(context, "team_id"))), "Team not found");

    public Task HandleWorkflowRunAsync(HttpContext context) =>
        HandleRunAsync(context, RunTarget.For(catalog.FindWorkflow(RouteId(context, "workflow_id"))), "Workflow not found");

    private static string RouteId(HttpContext context, string key) => context.Request.RouteValues[key] as string ?? string.Empty;

    private async Task HandleRunAsync(HttpContext context, RunTarget? runnable, string notFound)
    {
        if (runnable is null)
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, notFound).ConfigureAwait(false);
            return;
        }

        var (request, status, problem) = await RunRequest.ReadAsync(context, _options.MaxRequestBodySize).ConfigureAwait(false);
        if (request is null)
        {
            await JsonResponses.WriteErrorAsync(context, status, problem!).ConfigureAwait(false);
            return;
        }

        var (run, sessionStatus, sessionProblem) = await sessions.BeginAsync(runnable, request, context.RequestAborted).ConfigureAwait(false);
        if (run is null)
        {
            await JsonResponses.WriteErrorAsync(context, sessionStatus, sessionProblem!).ConfigureAwait(false);
            return;
        }

        // The run stays cancellable until the request is over.
        using var registration = run;
        var held = new DeferredBackgroundHookQueue();
        var runOptions = new RunOptions
        {
            RunId = run.RunId,
            SessionId = request.SessionId,
            UserId = request.UserId,
            Metadata = request.Metadata,
            SessionState = run.SessionState,
            Messages = run.History,
            Arguments = request.Arguments,
            Services = context.RequestServices,
            BackgroundQueue = held,
            PreHooks = _osPreHooks,
            PostHooks = _osPostHooks,
        };

        try
        {
            if (request.Stream)
            {
                await StreamAsync(context, runnable, run, request.Message, runOptions).ConfigureAwait(false);
            }
            else
            {
                await RespondAsync(context, runnable, run, request.Message, runOptions).ConfigureAwait(false);
            }
        }
        finally
        {
            await QueueBackgroundHooksAsync(held, runnable).ConfigureAwait(false);
        }
    }

    private async Task RespondAsync(HttpContext context, RunTarget runnable, SessionRuns.SessionRun run, string message, RunOptions runOptions)
    {
        // Not the request's token: the run finishes even if the client has gone (only a cancel stops it).
        var output = await run.RunAsync(message, runOptions).ConfigureAwait(false);
        try
        {
            await JsonResponses.WriteAsync(context, output, AgentOSJsonContext.Wire.RunOutputResponse).ConfigureAwait(false);
            await context.Response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (IsClientGone(exception, context))
        {
            LogClientGone(output.RunId);
        }

        LogResponded(Kind(runnable), runnable.Id, output.RunId, run.Status);
    }

    private async Task StreamAsync(HttpContext context, RunTarget runnable, SessionRuns.SessionRun run, string message, RunOptions runOptions)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ServerSentEvents.ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var connected = true;
        await foreach (var payload in run.StreamAsync(message, runOptions).ConfigureAwait(false))
        {
            if (!connected)
            {
                // Keep the run going to its end so its hooks are queued; there is no one to write to.
                continue;
            }

            try
            {
                ServerSentEvents.WriteFrame(response.BodyWriter, payload);
                var flushed = await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    // Kestrel completes the pipe instead of throwing when the connection is gone.
                    connected = false;
                    LogClientGone(run.RunId);
                }
            }
            catch (Exception exception) when (IsClientGone(exception, context))
            {
                connected = false;
                LogClientGone(run.RunId);
            }
        }

        if (connected)
        {
            try
            {
                await response.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (IsClientGone(exception, context))
            {
                LogClientGone(run.RunId);
            }
        }

        LogStreamed(Kind(runnable), runnable.Id, run.RunId, run.Status);
    }

    private async Task QueueBackgroundHooksAsync(DeferredBackgroundHookQueue held, RunTarget runnable)
    {
        var count = held.Count;
        if (count == 0)
        {
            return;
        }

        try
        {
            // Waits only while the executor's queue is full: the response is already complete by now.
            await held.FlushAsync(background, CancellationToken.None).ConfigureAwait(false);
            LogQueued(count, Kind(runnable), runnable.Id);
        }
        catch (InvalidOperationException)
        {
            // The queue is stopping; it has logged and counted the refusal.
        }
    }

    private static string Kind(RunTarget runnable) => WireNames.OwnerKind(runnable.Owner.Kind);

    private static bool IsClientGone(Exception exception, HttpContext context) =>
        exception is IOException || (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested);

    [LoggerMessage(LogEvents.RunAnswered, LogLevel.Information, "Run of {Kind} '{Id}' answered: run '{RunId}', status {Status}; response sent.")]
    private partial void LogResponded(string kind, string id, string runId, RunStatus status);

    [LoggerMessage(LogEvents.RunStreamed, LogLevel.Information, "Run of {Kind} '{Id}' streamed: run '{RunId}', status {Status}; stream ended.")]
    private partial void LogStreamed(string kind, string id, string runId, RunStatus status);

    [LoggerMessage(LogEvents.BackgroundHooksQueued, LogLevel.Information, "{Count} background hook(s) of {Kind} '{Id}' queued after the response.")]
    private partial void LogQueued(int count, string kind, string id);

    [LoggerMessage(LogEvents.ClientGone, LogLevel.Debug, "The client of run '{RunId}' went away; the run goes on and its hooks will run.")]
    private partial void LogClientGone(string runId);
}
