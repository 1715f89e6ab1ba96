namespace Agno.Hooks.Benchmarks.Dispatch;

/// <summary>
/// The hooks the dispatch suite calls every way it can: sync and async, with 1 and 4 parameters. Each
/// does a trivial write the JIT can't drop, so the suite measures the call, not an empty body.
/// </summary>
public sealed partial class DispatchHooks
{
    public static long Sink;

    [Hook]
    public static void One(RunInput input) => Sink += input.Content.Length;

    [Hook]
    public static void Four(RunInput input, RunContext run, Agent agent, CancellationToken cancellationToken) =>
        Sink += input.Content.Length + run.RunId.Length + agent.Id.Length + (cancellationToken.CanBeCanceled ? 1 : 0);

    [Hook]
    public static Task OneAsync(RunInput input)
    {
        Sink += input.Content.Length;
        return Task.CompletedTask;
    }

    [Hook]
    public static Task FourAsync(RunInput input, RunContext run, Agent agent, CancellationToken cancellationToken)
    {
        Sink += input.Content.Length + run.RunId.Length + agent.Id.Length + (cancellationToken.CanBeCanceled ? 1 : 0);
        return Task.CompletedTask;
    }
}
