using System.Diagnostics;

namespace Agno.Hooks;

/// <summary>
/// One background hook execution, with its own copies of the run's input, output and context,
/// taken when it was queued.
/// </summary>
public sealed class BackgroundHookWorkItem
{
    /// <param name="hook">The hook to run.</param>
    /// <param name="context">The arguments; the executor swaps in a fresh DI scope and its own cancellation.</param>
    /// <param name="runActivity">The span of the run that queued it, linked from the hook's own span.</param>
    public BackgroundHookWorkItem(HookDescriptor hook, HookContext context, ActivityContext runActivity = default)
    {
        Hook = hook ?? throw new ArgumentNullException(nameof(hook));
        Context = context ?? throw new ArgumentNullException(nameof(context));
        RunActivity = runActivity;
    }

    public HookDescriptor Hook { get; }

    public HookContext Context { get; }

    public ActivityContext RunActivity { get; }

    public string RunId => Context.Run.RunId;
}
