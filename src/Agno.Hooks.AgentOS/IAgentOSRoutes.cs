using Microsoft.AspNetCore.Routing;

namespace Agno.Hooks.AgentOS;

/// <summary>
/// More routes for <c>app.MapAgentOS()</c> to map into AgentOS's route group, registered as services
/// (<c>services.AddSingleton&lt;IAgentOSRoutes, MyRoutes&gt;()</c>), so an application or a package that extends
/// AgentOS adds routes without a mapping call of its own. They get what every AgentOS route gets: the
/// <see cref="AgentOSSecurity.PolicyName"/> policy (the security key, or the scheme the application chose) and
/// Agno's <c>{"detail": ...}</c> body on a 401 or 403. Call <c>.AllowAnonymous()</c> on a route meant to be open.
/// </summary>
public interface IAgentOSRoutes
{
    /// <summary>Maps the routes into AgentOS's group.</summary>
    void Map(IEndpointRouteBuilder endpoints);
}
