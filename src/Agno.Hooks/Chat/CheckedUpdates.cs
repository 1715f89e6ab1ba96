using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// A streamed update as the run's output guardrails let it out: the inner update's ids and other contents, with the
/// checked text in place of its own. When the text changed, its reasoning text is dropped (as a not-streamed response
/// changed by a post-hook carries only the checked text), and so is its raw representation, which holds the unchecked text.
/// </summary>
internal static class CheckedUpdates
{
    /// <summary>
    /// The update for content event <paramref name="runEvent"/>: <paramref name="update"/> (its inner update) itself when
    /// its text is the event's, else a copy of it (or of <paramref name="template"/>, for text the guardrails let out
    /// later) with the event's text; null when nothing would be left to send.
    /// </summary>
    public static ChatResponseUpdate? For(RunEvent runEvent, ChatResponseUpdate? update, ChatResponseUpdate? template)
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
        return new ChatResponseUpdate(source?.Role ?? ChatRole.Assistant, contents)
        {
            AuthorName = source?.AuthorName,
            ResponseId = source?.ResponseId,
            MessageId = source?.MessageId,
            ConversationId = source?.ConversationId,
            ModelId = source?.ModelId,
            CreatedAt = source?.CreatedAt,
            FinishReason = update?.FinishReason,
            AdditionalProperties = update?.AdditionalProperties,
        };
    }
}
