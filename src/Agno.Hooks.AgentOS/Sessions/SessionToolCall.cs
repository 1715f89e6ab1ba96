using System.Text.Json;

namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>
/// One tool call of a stored run, as <see cref="ToolExecution"/> recorded it when the run ended: which tool, with what
/// arguments, and how it ended. Immutable (its arguments are a <see cref="JsonElement"/>), so a store can keep it as it is.
/// </summary>
public sealed record SessionToolCall
{
    /// <summary>The model's id for the call.</summary>
    public required string ToolCallId { get; init; }

    public required string ToolName { get; init; }

    /// <summary>The arguments the tool was called with: a JSON object, or null when the model gave none.</summary>
    public JsonElement? ToolArgs { get; init; }

    /// <summary>What the tool returned, as the model got it; the error's message when it failed.</summary>
    public string? Result { get; init; }

    /// <summary>Whether the call failed, or was refused or not run.</summary>
    public bool ToolCallError { get; init; }

    /// <summary>When the model asked for the call.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the tool started; null if it never ran.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>How long the tool ran; null if it never ran or had not ended (a cancelled run).</summary>
    public TimeSpan? Duration { get; init; }
}
