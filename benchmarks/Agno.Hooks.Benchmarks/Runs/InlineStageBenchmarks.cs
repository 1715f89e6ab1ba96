using BenchmarkDotNet.Attributes;

namespace Agno.Hooks.Benchmarks.Runs;

/// <summary>
/// What one inline hook costs the pipeline, without a model call around it: one run's pre stage through the public
/// pipeline (<see cref="HookPipeline.StartRun"/>, then <see cref="HookRun.ExecutePreHooksAsync"/>) with 0, 1, 5 or 20
/// no-op hooks and no listener. A run with the model costs ~3 µs and varies by a few hundred ns from case to case,
/// more than 20 hooks cost, so the peer suite's slope can't resolve a few ns per hook; a stage alone costs ~0.1 µs,
/// so here the slope between 1 and 20 hooks can. Goal: ≤ 15 ns and 0 B per hook.
/// </summary>
[MemoryDiagnoser]
public class InlineStageBenchmarks
{
    private readonly HookPipeline _pipeline = new();
    private readonly RunContext _run = new("run-1", "session-1");
    private readonly RunInput _input = new(PeerMessage);
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

    [Benchmark(Description = "StartRun + ExecutePreHooksAsync (no-op inline hooks)")]
    public ValueTask<bool> PreStage() => _pipeline.StartRun(_owner, _run, _input).ExecutePreHooksAsync();
}
