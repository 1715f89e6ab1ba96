using System.IO.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.AgentOS.Tests.Infrastructure;

/// <summary>
/// Watches the server complete a response body, by wrapping Kestrel's own response body feature (everything
/// still goes through Kestrel). It records how many executions the background executor had been handed at the
/// moment the response completed, and a hook can ask whether the response was complete when it started.
/// </summary>
internal sealed class ResponseCompletionProbe
{
    private int _completed;

    public bool IsCompleted => Volatile.Read(ref _completed) == 1;

    /// <summary>The executor's queued count just before the response completed; null until then.</summary>
    public long? QueuedBeforeCompletion { get; private set; }

    public void Install(WebApplication app)
    {
        var executor = app.Services.GetRequiredService<BackgroundHookExecutor>();
        app.Use(async (context, next) =>
        {
            var kestrel = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Features.Set<IHttpResponseBodyFeature>(new Recording(kestrel, this, executor));
            await next(context);
        });
    }

    private sealed class Recording(IHttpResponseBodyFeature inner, ResponseCompletionProbe probe, BackgroundHookExecutor executor) : IHttpResponseBodyFeature
    {
        public Stream Stream => inner.Stream;

        public PipeWriter Writer => inner.Writer;

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            inner.SendFileAsync(path, offset, count, cancellationToken);

        public async Task CompleteAsync()
        {
            probe.QueuedBeforeCompletion = executor.Statistics.Queued;
            await inner.CompleteAsync();
            Volatile.Write(ref probe._completed, 1);
        }
    }
}
