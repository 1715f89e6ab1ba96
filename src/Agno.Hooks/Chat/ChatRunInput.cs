using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// Between a <c>Microsoft.Extensions.AI</c> request (a list of <see cref="ChatMessage"/>s) and a run's
/// <see cref="RunInput"/>: the last user message is the input's content, the messages before it its history. Used by
/// <see cref="AgnoHooksChatClient"/> and by adapters of other runtimes (Agno.Hooks.AgentFramework).
/// </summary>
public static class ChatRunInput
{
    /// <summary>The input of a run of <paramref name="request"/>, sharing <paramref name="run"/>'s metadata and session state.</summary>
    public static RunInput From(IReadOnlyList<ChatMessage> request, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(run);
        var lastUser = LastUserIndex(request);
        return new RunInput(lastUser < 0 ? string.Empty : request[lastUser].Text)
        {
            Messages = [.. request.Take(lastUser < 0 ? request.Count : lastUser).Select(m => new RunMessage(m.Role.Value, m.Text))],
            Metadata = run.Metadata,
            SessionState = run.SessionState,
        };
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
