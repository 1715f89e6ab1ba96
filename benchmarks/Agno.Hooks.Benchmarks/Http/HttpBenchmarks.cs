using Agno.Hooks.AgentOS;
using Agno.Hooks.Benchmarks.Reporting;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Benchmarks.Http;

public enum HttpScenario
{
    NoHooks,
    BackgroundHook1s,
    InlineHook1s,
}

/// <summary>
/// AgentOS on Kestrel (127.0.0.1, a free port) and an <see cref="HttpClient"/> that keeps N requests in
/// flight (closed loop), for N = 1, 16 and 64: no hooks, a 1 s background post-hook, and the same hook
/// inline. One operation is a fixed number of non-streaming runs; each request's latency is recorded and
/// the columns give its median, p99, requests per second and the median's ratio to no hooks at the same N.
/// Goal: with the background hook, the median latency is within 10% of no hooks.
/// </summary>
/// <remarks>
/// The executor is sized so that 1 s hooks can't fill its queue during the measurement (see
/// <see cref="ExecutorOptions"/>); with the defaults (1,024 queued, 2 workers) a sustained load above
/// 2 requests/s fills the queue within seconds, and backpressure then holds each request's flush.
/// </remarks>
[Config(typeof(Columns))]
public class HttpBenchmarks
{
    private static readonly Uri AgentRuns = new(RunRequests.AgentRunsPath, UriKind.Relative);

    private readonly LatencySamples _latencies = new();
    private double _measuredSeconds;
    private int _measuredRequests;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    [ParamsSource(typeof(ShortMode), nameof(ShortMode.HttpInFlight))]
    public int InFlight { get; set; }

    [ParamsAllValues]
    public HttpScenario Scenario { get; set; }

    /// <summary>Runs per operation: a 1 s inline hook gets one round of N, the rest enough to time well.</summary>
    private int RequestsPerOperation => Scenario == HttpScenario.InlineHook1s ? InFlight : Math.Max(256, 8 * InFlight);

    [GlobalSetup]
    public async Task Setup()
    {
        var agent = new Agent("bench-agent") { Model = new OfflineChatClient() };
        if (Scenario == HttpScenario.BackgroundHook1s)
        {
            agent.PostHooks.Add(HttpHooks.SleepInBackgroundHook);
        }
        else if (Scenario == HttpScenario.InlineHook1s)
        {
            agent.PostHooks.Add(HttpHooks.SleepInlineHook);
        }

        var builder = LoopbackServer.CreateBuilder(TimeSpan.FromSeconds(2));
        builder.Services.AddAgentOS(os => os.Agents.Add(agent));
        builder.Services.Configure<AgnoHooksOptions>(ExecutorOptions);
        _app = builder.Build();
        _app.MapAgentOS();
        await _app.StartAsync();

        _client = LoopbackServer.CreateClient(new Uri(_app.Urls.Single()));

        // Connections opened and the server's paths jitted before anything is recorded.
        await RunBatchAsync(record: false);
    }

    [Benchmark(Description = "POST /agents/{id}/runs (stream=false)")]
    public Task Runs() => RunBatchAsync(record: true);

    [GlobalCleanup]
    public async Task Cleanup()
    {
        SampleStore.Write(SampleStore.Key(nameof(Runs), (nameof(InFlight), InFlight), (nameof(Scenario), Scenario)),
        [
            new("p50_ms", _latencies.Percentile(50)),
            new("p99_ms", _latencies.Percentile(99)),
            new("rps", _measuredRequests / _measuredSeconds),
            new("requests", _measuredRequests),
        ]);

        _client.Dispose();

        // Background hooks still sleeping are cancelled at the 2 s shutdown deadline.
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Room to queue every 1 s hook a run of this suite can start, so backpressure never holds a request.</summary>
    private static void ExecutorOptions(AgnoHooksOptions options)
    {
        options.QueueCapacity = 200_000;
        // Not thousands: every idle worker waits on the channel, and each enqueue wakes all of them
        // (4,096 workers made the median 8× slower at N = 1 on this machine).
        options.MaxConcurrency = 64;
    }

    private async Task RunBatchAsync(bool record)
    {
        var elapsed = await ClosedLoop.RunAsync(RequestsPerOperation, InFlight, () => RunRequests.PostAsync(_client, AgentRuns), record ? _latencies.Add : null);
        if (record)
        {
            _measuredSeconds += elapsed.TotalSeconds;
            _measuredRequests += RequestsPerOperation;
        }
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(
            new SampleColumn("p50 (ms)", "p50_ms", "N3"),
            new SampleColumn("p99 (ms)", "p99_ms", "N3"),
            new SampleColumn("Req/s", "rps", "N0"),
            new SampleColumn("p50 / no hooks", "p50_ms", "N2", (nameof(Scenario), HttpScenario.NoHooks)));
    }
}
