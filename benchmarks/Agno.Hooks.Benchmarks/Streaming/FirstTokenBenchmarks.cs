using System.Diagnostics;
using Agno.Hooks.Benchmarks.Reporting;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace Agno.Hooks.Benchmarks.Streaming;

/// <summary>
/// Time to first token under output guardrails (issue 25): an agent streamed on a model that yields a 1,024-character
/// answer in 4-character chunks, a <c>Task.Delay(1 ms)</c> before each, and the time from the call to the first <c>RunContent</c> event the
/// caller receives, with no output guardrail, with each incremental one, with both, and with one that holds the whole
/// answer. Goal: an incremental guardrail delays the first token by at most one window.
/// </summary>
/// <remarks>
/// The delay in characters is deterministic and is the verdict's measure: how many characters the model had produced when
/// the first delta reached the caller (columns "1st delta: model chars/chunks"), against the guardrails' window. Times
/// follow from it at the simulated rate, one chunk per <c>Task.Delay(1 ms)</c>, which waits for the timer's next tick (about
/// 4 ms on the 2-core VM of benchmarks/README.md), and carry the timer's noise.
/// An operation stops reading at the first delta: the rest of the run is not part of it.
/// </remarks>
[Config(typeof(Columns))]
public class FirstTokenBenchmarks
{
    public const int AnswerLength = 1_024;

    private static readonly TimeSpan ChunkDelay = TimeSpan.FromMilliseconds(1);

    private readonly LatencySamples _firstToken = new();
    private ChunkedChatClient _model = null!;
    private GuardedAgent _guarded = null!;
    private int _producedAtFirstDelta = -1;
    private int _firstDeltaLength;

    [ParamsSource(typeof(ShortMode), nameof(ShortMode.FirstTokenGuardrails))]
    public OutputGuardrail Guardrail { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _model = new ChunkedChatClient(GuardedAgent.Answer(AnswerLength), ChunkDelay);
        _guarded = GuardedAgent.Create(Guardrail, _model);
        await _guarded.VerifyAsync(Guardrail);
    }

    [Benchmark(Description = "Streamed run to its first RunContent (4-char chunks, Task.Delay(1 ms) each)")]
    public async Task<int> FirstContent()
    {
        var start = Stopwatch.GetTimestamp();
        await foreach (var runEvent in _guarded.Agent.RunStreamingAsync(GuardedAgent.Message))
        {
            if (runEvent is { Kind: RunEventKind.RunContent, Content.Length: > 0 })
            {
                _firstToken.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                var produced = _model.Produced;
                if (_producedAtFirstDelta >= 0 && produced != _producedAtFirstDelta)
                {
                    throw new InvalidOperationException($"The first delta went out after {produced} characters, and after {_producedAtFirstDelta} before.");
                }

                _producedAtFirstDelta = produced;
                _firstDeltaLength = runEvent.Content.Length;
                return produced;
            }
        }

        throw new InvalidOperationException("The run streamed no content.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        List<KeyValuePair<string, double>> figures =
        [
            new("ttft_p50_ms", _firstToken.Percentile(50)),
            new("produced_chars", _producedAtFirstDelta),
            new("produced_chunks", Math.Ceiling(_producedAtFirstDelta / (double)ChunkedChatClient.ChunkLength)),
            new("first_delta_chars", _firstDeltaLength),
        ];
        if (_guarded.Window is { } window)
        {
            figures.Add(new("window_chars", window));
        }

        SampleStore.Write(SampleStore.Key(nameof(FirstContent), (nameof(Guardrail), Guardrail)), figures);
        _guarded.Dispose();
    }

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond);
            AddColumn(
                new SampleColumn("TTFT p50 (ms)", "ttft_p50_ms", "N2"),
                new SampleColumn("TTFT p50 ÷ none", "ttft_p50_ms", "N1", (nameof(Guardrail), OutputGuardrail.None)),
                new SampleColumn("1st delta: model chars", "produced_chars", "N0"),
                new SampleColumn("1st delta: model chunks", "produced_chunks", "N0"),
                new SampleColumn("1st delta: chars out", "first_delta_chars", "N0"),
                new SampleColumn("Window (chars)", "window_chars", "N0"));
        }
    }
}
