using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>Agno's tool hooks on a tool loop that is not ours: an adapter's or a custom owner's.</summary>
public static class FunctionInvokingChatClientExtensions
{
    /// <summary>
    /// Runs the tool hooks of the run in progress (<see cref="HookRun.Current"/>, whose owner is an
    /// <see cref="IToolHookOwner"/>) at each call <paramref name="loop"/> makes, records each call in that run
    /// (<see cref="RunOutput.Tools"/>), and keeps <paramref name="toolCallLimit"/>. The loop's own function invoker, if it
    /// has one, still invokes the tools. Calls outside a run go through as before. Once per loop: later calls change nothing.
    /// </summary>
    public static FunctionInvokingChatClient UseAgnoToolHooks(this FunctionInvokingChatClient loop, int? toolCallLimit = null)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ToolInvoker.TakeOver(loop, toolCallLimit);
        return loop;
    }
}
