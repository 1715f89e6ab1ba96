using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Benchmarks.Runs;

/// <summary>
/// What a run costs around the model: <see cref="Agent.RunAsync"/> with the offline model and 0, 1, 5 or 20
/// inline no-op hooks (alternately pre and post), against the bare <see cref="IChatClient"/> call it wraps.
/// Goal: 20 hooks cost less than 10% more than none.
/// </summary>
[MemoryDiagnoser]
public class AgentRunBenchmarks
{
    private readonly IChatClient _model = new OfflineChatClient();
    private readonly ChatMessage[] _messages = [new(ChatRole.User, "Hello, hooks")];
    private Agent _agent = null!;

    [ParamsSource(typeof(ShortMode), nameof(ShortMode.RunHookCounts))]
    public int Hooks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _agent = new Agent("bench-agent") { Model = _model };
        for (var i = 0; i < Hooks; i++)
        {
            (i % 2 == 0 ? _agent.PreHooks : _agent.PostHooks).Add(RunHooks.NoopHook);
        }
    }

    [Benchmark(Baseline = true, Description = "Bare IChatClient call")]
    public Task<ChatResponse> BareModel() => _model.GetResponseAsync(_messages);

    [Benchmark(Description = "Agent.RunAsync")]
    public Task<RunOutput> AgentRun() => _agent.RunAsync("Hello, hooks");
}
