using Agno.Hooks.AgentFramework;

namespace Microsoft.Agents.AI;

/// <summary>Adds Agno's hooks to an Agent Framework agent pipeline.</summary>
public static class AgnoHooksAgentBuilderExtensions
{
    /// <summary>
    /// Adds an <see cref="AgnoHooksAgent"/> at this point of the pipeline: <paramref name="configure"/> attaches its hooks
    /// (<c>h.PreHooks.Add(...)</c>, <c>h.PostHooks.Add(...)</c>), each checked as it is added: a hook that binds Agno.Hooks'
    /// own <c>Agent</c> fails there. Hooks resolve services from those given to <see cref="AIAgentBuilder.Build"/>, and
    /// background hooks go to their background queue (<c>services.AddAgnoHooks()</c>); under AgentOS, after the response.
    /// </summary>
    public static AIAgentBuilder UseAgnoHooks(this AIAgentBuilder builder, Action<AgnoHooksAgent> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.Use((inner, services) =>
        {
            var agent = new AgnoHooksAgent(inner, services);
            configure(agent);
            // Built with a real container (it resolves itself), a background hook must find its queue there: fail now, not at the first run.
            // Built without one, it may still be served by AgentOS, which passes each run a queue.
            if (services.GetService(typeof(IServiceProvider)) is not null)
            {
                agent.EnsureBackgroundDestination();
            }
            return agent;
        });
    }
}
