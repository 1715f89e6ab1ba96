using System.Text.Json.Nodes;

namespace Agno.Hooks;

/// <summary>
/// One tool call of a run, as Agno reports it (its <c>ToolExecution</c>): which tool, with what arguments, and how it
/// ended. In <see cref="RunOutput.Tools"/>, in order of the calls, and on the tool-call events.
/// </summary>
public sealed class ToolExecution
{
    /// <summary>The model's id for the call.</summary>
    public required string ToolCallId { get; init; }

    /// <summary>The tool's name.</summary>
    public required string ToolName { get; init; }

    /// <summary>The arguments the tool was called with (after any hook changed them).</summary>
    public JsonObject? ToolArgs { get; set; }

    /// <summary>What the tool returned, as the model got it; the error's message when it failed.</summary>
    public string? Result { get; set; }

    /// <summary>Whether the call failed, or was refused or not run.</summary>
    public bool ToolCallError { get; set; }

    /// <summary>When the model asked for the call.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the tool started; null while it has not.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>How long the tool ran; null while it has not ended.</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>A deep copy, for a background hook's copy of the run.</summary>
    public ToolExecution Clone() => new()
    {
        ToolCallId = ToolCallId,
        ToolName = ToolName,
        ToolArgs = ToolArgs?.DeepClone().AsObject(),
        Result = Result,
        ToolCallError = ToolCallError,
        CreatedAt = CreatedAt,
        StartedAt = StartedAt,
        Duration = Duration,
    };
}
