using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// One call of a tool, as its hooks see it: the tool and its arguments before it runs (a hook may change them, or refuse
/// the call), then its result or failure (a hook may change the result before the model sees it).
/// </summary>
public sealed class ToolCall
{
    internal ToolCall(AIFunction function, AIFunctionArguments arguments, ToolExecution execution)
    {
        Function = function;
        Arguments = arguments;
        Execution = execution;
    }

    /// <summary>The tool's name.</summary>
    public string Name => Execution.ToolName;

    /// <summary>The model's id for the call.</summary>
    public string CallId => Execution.ToolCallId;

    /// <summary>The tool.</summary>
    public AIFunction Function { get; }

    /// <summary>The arguments the tool will be called with: a hook before the call may change them.</summary>
    public AIFunctionArguments Arguments { get; }

    /// <summary>What the tool returned, as the model will get it: a hook after the call may change or replace it.</summary>
    public object? Result { get; set; }

    /// <summary>Why the tool failed, when it threw; the model is then told only that it failed.</summary>
    public Exception? Exception { get; internal set; }

    /// <summary>How long the tool ran; null before it ran, or when it did not.</summary>
    public TimeSpan? Duration { get; internal set; }

    /// <summary>Whether a hook refused the call (<see cref="Refuse"/>): the tool was not run.</summary>
    public bool IsRefused { get; private set; }

    /// <summary>The loop's invocation of the call, which invokes the tool.</summary>
    internal FunctionInvocationContext? Invocation { get; init; }

    /// <summary>The call's record in the run (<see cref="RunOutput.Tools"/>).</summary>
    public ToolExecution Execution { get; }

    /// <summary>
    /// Refuses the call: the tool is not run, and the model gets <paramref name="message"/> as the call's error, so it can
    /// try otherwise (Agno's <c>RetryAgentRun</c>). To end the whole run instead, throw a <see cref="CheckException"/>.
    /// </summary>
    public void Refuse(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        IsRefused = true;
        Result = message;
    }
}
