using BenchmarkDotNet.Attributes;

namespace Agno.Hooks.Benchmarks.Runs;

/// <summary>
/// What one inline hook costs the pipeline, without a model call around it: one run through the public driver
/// (<see cref="HookPipeline.RunAsync"/>) whose work does nothing, with 0, 1, 5 or 20 no-op pre-hooks and no listener.
/// A run with the model varies by a few hundred ns from case to case, more than 20 hooks cost, so the peer suite's slope
/// can't resolve a few ns per hook; a run without one is far cheaper, so here the slope between 1 and 20 hooks can.
/// Goal: ≤ 15 ns and 0 B per hook.
/// </summary>
[MemoryDiagnoser]
public class InlineStageBenchmarks
{
    private readonly HookPipeline _pipeline = new();
    private readonly RunOptions _options = new() { RunId = "run-1", SessionId = "session-1" };
    private readonly RunWork _work = RunWork.FromAnswer(static _ => new(PeerMessage));
    private Agent _owner = null!;

    private const string PeerMessage = "Hello, hooks";

    [ParamsSource(typeof(ShortMode), nameof(ShortMode.StageHookCounts))]
    public int Hooks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _owner = new Agent("stage-agent") { Model = new OfflineChatClient() };
        for (var i = 0; i < Hooks; i++)
        {
            _owner.PreHooks.Add(RunHooks.NoopHook);
        }
    }

    [Benchmark(Description = "Driver run, no-op work (no-op inline pre-hooks)")]
    public Task<RunOutput> PreStage() => _pipeline.RunAsync(_owner, PeerMessage, _work, _options);
}
