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
    /// The update for a content event whose text is <paramref name="text"/>: <paramref name="update"/> itself when its
    /// text is that, else a copy of it (or of <paramref name="template"/>, for text the guardrails let out later) with
    /// that text; null when nothing would be left to send.
    /// </summary>
    public static ChatResponseUpdate? For(ChatResponseUpdate? update, ChatResponseUpdate? template, string? text)
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
