using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.AgentOS.Http;

/// <summary>
/// The last line of defence of every route: a bad request still gets a 4xx with <c>detail</c>, and an
/// unexpected failure is logged and answered without any exception text in the body.
/// </summary>
internal static partial class RequestGuard
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate handler, ILogger logger)
    {
        try
        {
            await handler(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await JsonResponses.WriteErrorAsync(context, exception.StatusCode, "The request could not be read.").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            LogUnexpected(logger, exception, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "Internal server error").ConfigureAwait(false);
        }
    }

    [LoggerMessage(LogEvents.RequestFailed, LogLevel.Error, "AgentOS failed to handle {Method} {Path}.")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path);
}
