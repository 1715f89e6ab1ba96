using Microsoft.Agents.AI;

namespace Agno.Hooks.AgentFramework;

/// <summary>Reads the <see cref="HookRejection"/> of a run a check rejected from an Agent Framework response.</summary>
public static class AgentFrameworkHookRejection
{
    /// <summary>The check that rejected the run behind <paramref name="response"/>, or null when none did.</summary>
    public static HookRejection? GetHookRejection(this AgentResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return HookRejection.From(response.AdditionalProperties, response.Text);
    }

    /// <summary>The check that rejected the run, when <paramref name="update"/> is the (last) update that says so; otherwise null.</summary>
    public static HookRejection? GetHookRejection(this AgentResponseUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return HookRejection.From(update.AdditionalProperties, update.Text);
    }
}
