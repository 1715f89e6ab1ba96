using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.AgentFramework;

/// <summary>
/// A streamed agent update as the run's output guardrails let its text out: the inner update's ids and other contents
/// with the checked text in place of its own; when the text changed, without its reasoning text and its raw
/// representation (both unchecked), as a not-streamed response changed by a post-hook carries only the checked text.
/// </summary>
internal static class CheckedAgentUpdates
{
    /// <summary>
    /// <paramref name="update"/> itself when its text is <paramref name="text"/>, else a copy of it (or of
    /// <paramref name="template"/>, for text let out later) with that text; null when nothing would be left to send.
    /// </summary>
    public static AgentResponseUpdate? For(AgentResponseUpdate? update, AgentResponseUpdate? template, string? text)
    {
        text ??= string.Empty;
        if (update is not null && update.Text == text)
        {
            return update;
        }

        var source = update ?? template;
        var contents = new List<AIContent>();
        var placed = false;
        foreach (var content in update?.Contents ?? [])
        {
            if (content is TextContent or TextReasoningContent)
            {
                if (!placed && content is TextContent && text.Length > 0)
                {
                    contents.Add(new TextContent(text));
                }

                placed |= content is TextContent;
                continue;
            }

            contents.Add(content);
        }

        if (!placed && text.Length > 0)
        {
            contents.Add(new TextContent(text));
        }

        if (contents.Count == 0)
        {
            return null;
        }

        return new AgentResponseUpdate(source?.Role ?? ChatRole.Assistant, contents)
        {
            AgentId = source?.AgentId,
            AuthorName = source?.AuthorName,
            ResponseId = source?.ResponseId,
            MessageId = source?.MessageId,
            CreatedAt = source?.CreatedAt,
            FinishReason = update?.FinishReason,
            AdditionalProperties = update?.AdditionalProperties,
        };
    }
}
