using System.Runtime.CompilerServices;

namespace Agno.Hooks.Benchmarks.Dispatch;

/// <summary>
/// The hooks the dispatch suite calls every way it can: sync and async, with 1 and 4 parameters. Each
/// does a trivial write the JIT can't drop. None may be inlined: a real hook's body is past the inliner's
/// budget, and an inlined baseline would measure no call at all (0 ns) rather than a direct call.
/// </summary>
public sealed partial class DispatchHooks
{
    public static long Sink;

    [Hook]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void One(RunInput input) => Sink += input.Content.Length;

    [Hook]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Four(RunInput input, RunContext run, Agent agent, CancellationToken cancellationToken) =>
        Sink += input.Content.Length + run.RunId.Length + agent.Id.Length + (cancellationToken.CanBeCanceled ? 1 : 0);

    [Hook]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Task OneAsync(RunInput input)
    {
        Sink += input.Content.Length;
        return Task.CompletedTask;
    }

    [Hook]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Task FourAsync(RunInput input, RunContext run, Agent agent, CancellationToken cancellationToken)
    {
        Sink += input.Content.Length + run.RunId.Length + agent.Id.Length + (cancellationToken.CanBeCanceled ? 1 : 0);
        return Task.CompletedTask;
    }
}
