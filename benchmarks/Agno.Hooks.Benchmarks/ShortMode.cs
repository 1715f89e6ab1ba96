namespace Agno.Hooks.Benchmarks;

/// <summary>
/// Whether the run was started with <c>--short</c>. Program.cs sets the variable before BenchmarkDotNet builds its
/// cases, and benchmark processes inherit it, so a suite can keep fewer cases to stay inside the short run's budget.
/// </summary>
public static class ShortMode
{
    public const string Variable = "AGNO_HOOKS_BENCH_SHORT";

    public static bool IsOn => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>
    /// The generator, analyzer and consumer-compile suites' sizes: 100, 1,000 and 5,000 hooks; under <c>--short</c> 1,000
    /// alone (the size of the generator's goals). Their 5,000-hook cases take most of a short run's budget (the compile
    /// alone ~60 s), so the 5,000-hook compile goal is measured in a full run.
    /// </summary>
    public static IEnumerable<int> GeneratorHookCounts => IsOn ? [1_000] : [100, 1_000, 5_000];

    /// <summary>The HTTP suite's requests in flight: 1, 16 and 64; under <c>--short</c> 1 and 16 (the 1 s inline hook costs ~8 s a case).</summary>
    public static IEnumerable<int> HttpInFlight => IsOn ? [1, 16] : [1, 16, 64];

    /// <summary>The agent-run suite's hook counts: 0, 1, 5 and 20; under <c>--short</c> 0 and 20 (the peer suite has 1 and 20).</summary>
    public static IEnumerable<int> RunHookCounts => IsOn ? [0, 20] : [0, 1, 5, 20];

    /// <summary>The inline-stage suite's hook counts: under <c>--short</c> the two its per-hook slope is taken from.</summary>
    public static IEnumerable<int> StageHookCounts => IsOn ? [1, 20] : [0, 1, 5, 20];

    /// <summary>The durable queue suite's queues: all three; under <c>--short</c> without the asynchronous-commit variant (~25 s).</summary>
    public static IEnumerable<Durable.QueueKind> DurableQueues =>
        IsOn ? [Durable.QueueKind.InMemory, Durable.QueueKind.Durable] : Enum.GetValues<Durable.QueueKind>();

    /// <summary>The durable HTTP suite's requests in flight: 1 and 8; under <c>--short</c> 1, the case its goal is read at (~14 s less).</summary>
    public static IEnumerable<int> DurableHttpInFlight => IsOn ? [1] : [1, 8];

    /// <summary>
    /// The first-token suite's guardrails: all five; under <c>--short</c> none and the two incremental ones, the cases its
    /// goal is read at (the whole-answer case alone waits ~1 s an operation).
    /// </summary>
    public static IEnumerable<Streaming.OutputGuardrail> FirstTokenGuardrails =>
        IsOn ? [Streaming.OutputGuardrail.None, Streaming.OutputGuardrail.OutputPii, Streaming.OutputGuardrail.PromptInjection] : Enum.GetValues<Streaming.OutputGuardrail>();

    /// <summary>The output gate's cost suite's guardrails: all five; under <c>--short</c> none and the PII guardrail.</summary>
    public static IEnumerable<Streaming.OutputGuardrail> GateCostGuardrails =>
        IsOn ? [Streaming.OutputGuardrail.None, Streaming.OutputGuardrail.OutputPii] : Enum.GetValues<Streaming.OutputGuardrail>();
}
