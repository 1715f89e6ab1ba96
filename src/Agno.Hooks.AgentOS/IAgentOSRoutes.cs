using Microsoft.AspNetCore.Routing;

namespace Agno.Hooks.AgentOS;

/// <summary>
/// More routes for <c>app.MapAgentOS()</c> to map, registered as services by packages that extend AgentOS
/// (Agno.Hooks.Hangfire mounts its dashboard at <c>/hooks/dashboard</c> this way), so an application maps them
/// without a call of its own.
/// </summary>
public interface IAgentOSRoutes
{
    /// <summary>Maps the routes into AgentOS's group. Protect them yourself: the security key check covers AgentOS's own routes.</summary>
    void Map(IEndpointRouteBuilder endpoints);
}
