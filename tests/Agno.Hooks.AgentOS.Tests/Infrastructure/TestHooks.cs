namespace Agno.Hooks.AgentOS.Tests.Infrastructure;

/// <summary>Hand-built hooks for the tests.</summary>
internal static class TestHooks
{
    public static HookDescriptor Post(string name, Func<HookContext, ValueTask> body, bool background = false) =>
        new(name, context => body(context), [new HookParameter("output", HookParameterKind.RunOutput, typeof(RunOutput))])
        {
            RunInBackground = background,
        };

    public static HookDescriptor Pre(string name, Func<HookContext, ValueTask> body, bool background = false) =>
        new(name, context => body(context), [new HookParameter("input", HookParameterKind.RunInput, typeof(RunInput))])
        {
            RunInBackground = background,
        };

    /// <summary>A guardrail that rejects every run with <c>input_not_allowed</c>.</summary>
    public static HookDescriptor RejectAll(string message = "Input not allowed") =>
        new("RejectAll", _ => throw new InputCheckException(message, CheckTrigger.InputNotAllowed, new() { ["reason"] = "test" }),
            [new HookParameter("input", HookParameterKind.RunInput, typeof(RunInput))])
        {
            Guardrail = true,
        };
}

/// <summary>
/// A post-hook that signals when it starts and then waits until the test opens it: lets a test see
/// what happens while a hook is still running, without sleeping.
/// </summary>
internal sealed class GatedHook
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GatedHook(string name, bool background)
    {
        Descriptor = TestHooks.Post(name, async context =>
        {
            OnStart?.Invoke();
            _started.TrySetResult();
            await _gate.Task.WaitAsync(context.CancellationToken);
            _finished.TrySetResult();
        }, background);
    }

    public HookDescriptor Descriptor { get; }

    /// <summary>Runs as the hook starts, before it signals <see cref="Started"/>.</summary>
    public Action? OnStart { get; set; }

    public Task Started => _started.Task;

    public Task Finished => _finished.Task;

    public void Open() => _gate.TrySetResult();
}

internal static class Waits
{
    /// <summary>Generous: these waits end on a signal, and only time out when something is broken.</summary>
    public static readonly TimeSpan Signal = TimeSpan.FromSeconds(20);
}
