using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Agno.Hooks.AgentOS.Tests.Infrastructure;

/// <summary>Routes an application adds through <see cref="IAgentOSRoutes"/>: <c>GET /custom/ping</c>, and <c>GET /custom/open</c>, which it opens on purpose.</summary>
internal sealed class PingRoutes : IAgentOSRoutes
{
    public const string Ping = "/custom/ping";
    public const string Open = "/custom/open";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Ping, (HttpContext context) => context.Response.WriteAsync("pong"));
        endpoints.MapGet(Open, (HttpContext context) => context.Response.WriteAsync("open")).AllowAnonymous();
    }
}
