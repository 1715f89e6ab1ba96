namespace Agno.Hooks.Benchmarks.Durable;

/// <summary>The durable HTTP suite's post-hook: a no-op in the background, so what is measured is the queue, not the work.</summary>
public sealed partial class DurableHttpHooks
{
    [Hook(RunInBackground = true)]
    public static void NoopInBackground(RunOutput output)
    {
    }
}
