using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>One event of a streamed run, in Agno's order.</summary>
public sealed class RunEvent
{
    public required RunEventKind Kind { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required IHookOwner Owner { get; init; }

    public required string RunId { get; init; }

    public required string SessionId { get; init; }

    /// <summary>0 at top level; members of a team and steps of a workflow are nested deeper.</summary>
    public int NestedDepth { get; init; }

    /// <summary>
    /// A content delta for <see cref="RunEventKind.RunContent"/>, the whole content for
    /// <see cref="RunEventKind.RunCompleted"/>, the message for <see cref="RunEventKind.RunError"/>.
    /// </summary>
    public string? Content { get; init; }

    /// <summary>The hook's name, for hook events.</summary>
    public string? HookName { get; init; }

    /// <summary>The step's name, for workflow step events.</summary>
    public string? StepName { get; init; }

    /// <summary>The tool call, for tool-call events.</summary>
    public ToolExecution? Tool { get; init; }

    /// <summary>The input after the hook ran, for pre-hook events.</summary>
    public RunInput? Input { get; init; }

    /// <summary>The run's output, for <see cref="RunEventKind.RunStarted"/>, completion and error events.</summary>
    public RunOutput? Output { get; init; }

    /// <summary>
    /// What the owner's runtime streamed for this event (a <c>ChatResponseUpdate</c>, say), for adapters that pass it on. Its
    /// text may not be the event's: a content event's <see cref="Content"/> is what the output guardrails let out.
    /// </summary>
    public object? RawRepresentation { get; init; }

    /// <summary>
    /// For an adapter that passes a content event on as its runtime's update: the inner update's contents with this event's
    /// <see cref="Content"/> in place of their text, the checked text where the first text was. Reasoning text goes too, as
    /// no guardrail has seen it. Null when nothing is left to send.
    /// </summary>
    public IList<AIContent>? ContentsWithCheckedText(IEnumerable<AIContent>? innerContents)
    {
        var text = Content ?? string.Empty;
        var contents = new List<AIContent>();
        var placed = false;
        foreach (var content in innerContents ?? [])
        {
            if (content is not (TextContent or TextReasoningContent))
            {
                contents.Add(content);
            }
            else if (!placed && content is TextContent)
            {
                placed = true;
                if (text.Length > 0)
                {
                    contents.Add(new TextContent(text));
                }
            }
        }

        if (!placed && text.Length > 0)
        {
            contents.Add(new TextContent(text));
        }

        return contents.Count == 0 ? null : contents;
    }
}
