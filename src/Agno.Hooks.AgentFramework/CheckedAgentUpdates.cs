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
    /// For content event <paramref name="runEvent"/>: <paramref name="update"/> (its inner update) itself when its text is
    /// the event's, else a copy of it (or of <paramref name="template"/>, for text let out later) with the event's text;
    /// null when nothing would be left to send.
    /// </summary>
    public static AgentResponseUpdate? For(RunEvent runEvent, AgentResponseUpdate? update, AgentResponseUpdate? template)
    {
        if (update is not null && update.Text == (runEvent.Content ?? string.Empty))
        {
            return update;
        }

        if (runEvent.ContentsWithCheckedText(update?.Contents) is not { } contents)
        {
            return null;
        }

        var source = update ?? template;
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
