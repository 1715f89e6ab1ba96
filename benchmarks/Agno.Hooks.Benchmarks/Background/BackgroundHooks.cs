namespace Agno.Hooks.Benchmarks.Background;

/// <summary>The background hooks of the executor suite: a no-op, and one held at a gate the suite opens.</summary>
public sealed partial class BackgroundHooks
{
    private static TaskCompletionSource s_gate = NewGate();

    [Hook(RunInBackground = true)]
    public static void Noop(RunInput input)
    {
    }

    [Hook(RunInBackground = true)]
    public static Task Gated(RunInput input) => Volatile.Read(ref s_gate).Task;

    public static void CloseGate() => Volatile.Write(ref s_gate, NewGate());

    public static void OpenGate() => Volatile.Read(ref s_gate).TrySetResult();

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
