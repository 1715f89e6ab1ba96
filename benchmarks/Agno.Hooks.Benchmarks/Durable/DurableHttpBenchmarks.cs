using Agno.Hooks.Benchmarks.Http;
using Agno.Hooks.Benchmarks.Reporting;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Benchmarks.Durable;

public enum DurableHttpScenario
{
    NoHooks,
    InMemoryBackgroundHook,
    DurableBackgroundHook,
    DurableAsyncCommitHook,
}

/// <summary>
/// AgentOS on Kestrel (127.0.0.1, a free port) and a closed-loop <see cref="HttpClient"/> with N = 1 and 16 runs in
/// flight: no hooks, one no-op background post-hook on the in-memory executor, and the same hook durable (Hangfire
/// on PostgreSQL, queued after each response and run by the same process). Goal: the durable hook adds at most
/// 2 ms to the median response.
/// </summary>
[Config(typeof(Columns))]
public class DurableHttpBenchmarks
{
    private static readonly Uri AgentRuns = new(RunRequests.AgentRunsPath, UriKind.Relative);

    private readonly LatencySamples _latencies = new();
    private double _measuredSeconds;
    private int _measuredRequests;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    [ParamsSource(typeof(ShortMode), nameof(ShortMode.DurableHttpInFlight))]
    public int InFlight { get; set; }

    [ParamsAllValues]
    public DurableHttpScenario Scenario { get; set; }

    private int RequestsPerOperation => Math.Max(128, 8 * InFlight);

    [GlobalSetup]
    public async Task Setup()
    {
        var agent = new Agent("bench-agent") { Model = new OfflineChatClient() };
        if (Scenario != DurableHttpScenario.NoHooks)
        {
            agent.PostHooks.Add(DurableHttpHooks.NoopInBackgroundHook);
        }

        var builder = LoopbackServer.CreateBuilder(TimeSpan.FromSeconds(5));
        var hooks = builder.Services.AddAgnoHooks();
        if (Scenario is DurableHttpScenario.DurableBackgroundHook or DurableHttpScenario.DurableAsyncCommitHook)
        {
            var schema = DurablePostgres.NewSchema();
            hooks.AddDurableBackgroundHooks(d =>
            {
                d.UsePostgreSql(DurablePostgres.ConnectionString);
                d.SchemaName = schema;
                d.EnableDashboard = false;
                d.SynchronousCommit = Scenario == DurableHttpScenario.DurableBackgroundHook;
            });
        }

        builder.Services.AddAgentOS(os => os.Agents.Add(agent));
        _app = builder.Build();
        _app.MapAgentOS();
        await _app.StartAsync();

        _client = LoopbackServer.CreateClient(new Uri(_app.Urls.Single()));

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
        ]);

        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
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
            new SampleColumn("p50 / no hooks", "p50_ms", "N2", (nameof(Scenario), DurableHttpScenario.NoHooks)));
    }
}
