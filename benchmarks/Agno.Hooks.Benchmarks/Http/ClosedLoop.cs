using System.Diagnostics;

namespace Agno.Hooks.Benchmarks.Http;

/// <summary>
/// A closed-loop load, as the HTTP suites drive their servers: <c>inFlight</c> workers, each sending its next request
/// once its last one is answered, until <c>requests</c> have been sent.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>Sends the requests and returns the wall time they took; each one's latency goes to <paramref name="latency"/> when given.</summary>
    public static async Task<TimeSpan> RunAsync(int requests, int inFlight, Func<Task> send, Action<double>? latency)
    {
        var remaining = requests;
        var start = Stopwatch.GetTimestamp();
        var workers = new Task[inFlight];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    var sent = Stopwatch.GetTimestamp();
                    await send();
                    latency?.Invoke(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
            });
        }

        await Task.WhenAll(workers);
        return Stopwatch.GetElapsedTime(start);
    }
}
