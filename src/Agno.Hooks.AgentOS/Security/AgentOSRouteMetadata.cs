namespace Agno.Hooks.AgentOS.Security;

/// <summary>
/// Marks the endpoints of AgentOS's route group (its own, those of <see cref="IAgentOSRoutes"/>, and any mapped on the
/// group), whose 401 and 403 answer with Agno's <c>{"detail": ...}</c> body whatever the authentication scheme.
/// </summary>
internal sealed class AgentOSRouteMetadata
{
    public static readonly AgentOSRouteMetadata Instance = new();

    private AgentOSRouteMetadata()
    {
    }
}
