using Agno.Hooks.AgentOS;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Agno.Hooks.Hangfire.Dashboard;

/// <summary>Mounts the dashboard with AgentOS's routes (<c>app.MapAgentOS()</c>).</summary>
internal sealed class DashboardAgentOSRoutes : IAgentOSRoutes
{
    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapAgnoHooksDashboard();
}
