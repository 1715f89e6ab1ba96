namespace Agno.Hooks.Benchmarks.Runs;

/// <summary>The no-op hook the agent-run suite attaches 0, 1, 5 or 20 times.</summary>
public sealed partial class RunHooks
{
    public static long Sink;

    [Hook]
    public static void Noop(RunInput input) => Sink += input.Content.Length;
}
