using Agno.Hooks;

namespace Microsoft.Extensions.AI;

/// <summary>Adds Agno's hooks to a <see cref="ChatClientBuilder"/> pipeline.</summary>
public static class AgnoHooksChatClientBuilderExtensions
{
    /// <summary>
    /// Adds an <see cref="AgnoHooksChatClient"/> at this point of the pipeline: <paramref name="configure"/> attaches its
    /// hooks (<c>h.PreHooks.Add(...)</c>, <c>h.PostHooks.Add(...)</c>), each checked as it is added. Hooks resolve services
    /// from those given to <see cref="ChatClientBuilder.Build"/>, and background hooks go to their
    /// <see cref="IBackgroundHookQueue"/> (<c>services.AddAgnoHooks()</c>).
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="configure">Attaches the hooks.</param>
    /// <param name="id">The owner's id, in logs, spans and background executions.</param>
    public static ChatClientBuilder UseAgnoHooks(this ChatClientBuilder builder, Action<AgnoHooksChatClient> configure, string id = "chat-client")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return builder.Use((inner, services) =>
        {
            var client = new AgnoHooksChatClient(inner, id, services);
            configure(client);
            // Built with a real container (it resolves itself), a background hook must find its queue there: fail now, not at the first run.
            // Built without one, it may still be served by AgentOS, which passes each run a queue.
            if (services.GetService(typeof(IServiceProvider)) is not null)
            {
                client.EnsureBackgroundDestination();
            }
            return client;
        });
    }
}
