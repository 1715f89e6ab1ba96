using System.Collections.Concurrent;
using Agno.Hooks.AgentOS.Sessions;

namespace Agno.Hooks.AgentOS.Cancellation;

/// <summary>
/// The runs AgentOS is running now, by run id, each with the token its run was started with, so that
/// <c>POST /{kind}/{id}/runs/{run_id}/cancel</c> can cancel it. A run is registered before it starts and
/// removed when its request ends.
/// </summary>
internal sealed class RunningRuns
{
    private readonly ConcurrentDictionary<string, Running> _runs = new(StringComparer.Ordinal);

    public int Count => _runs.Count;

    public Registration Register(string runId, SessionOwner owner)
    {
        var running = new Running(owner, new CancellationTokenSource());
        if (!_runs.TryAdd(runId, running))
        {
            running.Source.Dispose();
            throw new InvalidOperationException($"A run with id '{runId}' is already running.");
        }

        return new Registration(this, runId, running);
    }

    /// <summary>Cancels the run if <paramref name="owner"/> is running it now; false otherwise (unknown, finished, or another owner's).</summary>
    public async ValueTask<bool> CancelAsync(SessionOwner owner, string runId)
    {
        if (!_runs.TryGetValue(runId, out var running) || running.Owner != owner)
        {
            return false;
        }

        try
        {
            // Callbacks run off this request's thread: the run unwinds on its own.
            await running.Source.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // It ended between the look-up and the cancel.
            return false;
        }

        return true;
    }

    internal sealed record Running(SessionOwner Owner, CancellationTokenSource Source);

    /// <summary>A registered run: its token, until disposed.</summary>
    public sealed class Registration : IDisposable
    {
        private readonly RunningRuns _owner;
        private readonly string _runId;
        private readonly Running _running;

        internal Registration(RunningRuns owner, string runId, Running running)
        {
            _owner = owner;
            _runId = runId;
            _running = running;
            Token = running.Source.Token;
        }

        public CancellationToken Token { get; }

        public bool IsCancellationRequested => Token.IsCancellationRequested;

        public void Dispose()
        {
            if (_owner._runs.TryRemove(new KeyValuePair<string, Running>(_runId, _running)))
            {
                _running.Source.Dispose();
            }
        }
    }
}
