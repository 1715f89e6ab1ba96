namespace Agno.Hooks.Benchmarks.Http;

/// <summary>The HTTP suite's post-hook: one second of (asynchronous) work, in the background or inline.</summary>
public sealed partial class HttpHooks
{
    public static readonly TimeSpan Work = TimeSpan.FromSeconds(1);

    [Hook(RunInBackground = true)]
    public static Task SleepInBackground(RunOutput output, CancellationToken cancellationToken) => Task.Delay(Work, cancellationToken);

    [Hook]
    public static Task SleepInline(RunOutput output, CancellationToken cancellationToken) => Task.Delay(Work, cancellationToken);
}
