namespace Agno.Hooks.Benchmarks;

/// <summary>
/// Whether the run was started with <c>--short</c>. Program.cs sets the variable before BenchmarkDotNet builds its
/// cases, and benchmark processes inherit it, so a suite can keep fewer cases to stay inside the short run's budget.
/// </summary>
public static class ShortMode
{
    public const string Variable = "AGNO_HOOKS_BENCH_SHORT";

    public static bool IsOn => Environment.GetEnvironmentVariable(Variable) == "1";
}
