using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>Reads a <see cref="HookRejection"/> from a chat client's response.</summary>
public static class HookRejectionChatExtensions
{
    /// <summary>The check that rejected the run behind <paramref name="response"/>, or null when none did.</summary>
    public static HookRejection? GetHookRejection(this ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return HookRejection.From(response.AdditionalProperties, response.Text);
    }

    /// <summary>The check that rejected the run, when <paramref name="update"/> is the update that says so; otherwise null.</summary>
    public static HookRejection? GetHookRejection(this ChatResponseUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return HookRejection.From(update.AdditionalProperties, update.Text);
    }
}
