using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// Between a <c>Microsoft.Extensions.AI</c> request (a list of <see cref="ChatMessage"/>s) and a run's
/// <see cref="RunInput"/>: the last user message is the input's content, the messages before it its history. Used by
/// <see cref="AgnoHooksChatClient"/> and by adapters of other runtimes (Agno.Hooks.AgentFramework).
/// </summary>
public static class ChatRunInput
{
    /// <summary>The run's input content: the text of <paramref name="request"/>'s last user message, empty when it has none.</summary>
    public static string ContentOf(IReadOnlyList<ChatMessage> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lastUser = LastUserIndex(request);
        return lastUser < 0 ? string.Empty : request[lastUser].Text;
    }

    /// <summary>The run's earlier messages (<see cref="RunOptions.Messages"/>): those of <paramref name="request"/> before its last user message.</summary>
    public static List<RunMessage> HistoryOf(IReadOnlyList<ChatMessage> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lastUser = LastUserIndex(request);
        var count = lastUser < 0 ? request.Count : lastUser;
        var history = new List<RunMessage>(count);
        for (var i = 0; i < count; i++)
        {
            history.Add(new RunMessage(request[i].Role.Value, request[i].Text));
        }

        return history;
    }

    /// <summary>
    /// <paramref name="request"/> with its last user message's text replaced by <paramref name="input"/>'s content when
    /// a pre-hook changed it (its other contents kept); the caller's list is never changed.
    /// </summary>
    public static IReadOnlyList<ChatMessage> WithInput(IReadOnlyList<ChatMessage> request, RunInput input)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        var lastUser = LastUserIndex(request);
        if (lastUser < 0 || request[lastUser].Text == input.Content)
        {
            return request;
        }

        var original = request[lastUser];
        var contents = new List<AIContent> { new TextContent(input.Content) };
        contents.AddRange(original.Contents.Where(c => c is not TextContent));
        var edited = request.ToList();
        edited[lastUser] = new ChatMessage(ChatRole.User, contents) { AuthorName = original.AuthorName, MessageId = original.MessageId };
        return edited;
    }

    private static int LastUserIndex(IReadOnlyList<ChatMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User)
            {
                return i;
            }
        }

        return -1;
    }
}
