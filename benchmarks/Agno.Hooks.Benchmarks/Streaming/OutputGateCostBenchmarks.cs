using BenchmarkDotNet.Attributes;

namespace Agno.Hooks.Benchmarks.Streaming;

/// <summary>
/// What the output gate costs in CPU and memory (issue 25): a whole run of an agent on a model that yields a
/// 2,048-character answer in 4-character chunks at once (no delay), streamed with every event read, and not streamed,
/// under each set of output guardrails. Streamed, an incremental guardrail checks its window again at each chunk; not
/// streamed, its hook checks the answer once.
/// </summary>
[MemoryDiagnoser]
public class OutputGateCostBenchmarks
{
    public const int AnswerLength = 2_048;

    private GuardedAgent _guarded = null!;

    [ParamsSource(typeof(ShortMode), nameof(ShortMode.GateCostGuardrails))]
    public OutputGuardrail Guardrail { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _guarded = GuardedAgent.Create(Guardrail, new ChunkedChatClient(GuardedAgent.Answer(AnswerLength), TimeSpan.Zero));
        await _guarded.VerifyAsync(Guardrail);
    }

    [Benchmark(Description = "Streamed run, every event read (512 chunks)")]
    public async Task<int> Streamed()
    {
        var events = 0;
        await foreach (var _ in _guarded.Agent.RunStreamingAsync(GuardedAgent.Message))
        {
            events++;
        }

        return events;
    }

    [Benchmark(Description = "Not streamed (RunAsync)")]
    public Task<RunOutput> NotStreamed() => _guarded.Agent.RunAsync(GuardedAgent.Message);

    [GlobalCleanup]
    public void Cleanup() => _guarded.Dispose();
}
