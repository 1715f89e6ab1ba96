using Agno.Hooks.AgentOS.Http;
using Agno.Hooks.AgentOS.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.Discovery;

/// <summary><c>GET /</c>, <c>/health</c>, <c>/config</c>, <c>/agents</c> and <c>/agents/{id}</c>, in Agno's shapes.</summary>
internal sealed class DiscoveryEndpoints(AgentOSCatalog catalog, IOptions<AgentOSOptions> options, TimeProvider time)
{
    private static readonly string Version = typeof(DiscoveryEndpoints).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private readonly AgentOSOptions _options = options.Value;
    private readonly DateTimeOffset _instantiatedAt = time.GetUtcNow();

    public Task RootAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, new RootResponse { Name = _options.Name, Id = _options.Id, Version = Version }, AgentOSJsonContext.Wire.RootResponse);

    public Task HealthAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, new HealthResponse { Status = "ok", InstantiatedAt = _instantiatedAt }, AgentOSJsonContext.Wire.HealthResponse);

    public Task ConfigAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, new ConfigResponse
        {
            OsId = _options.Id,
            Name = _options.Name,
            Description = _options.Description,
            Agents = Agents(),
        }, AgentOSJsonContext.Wire.ConfigResponse);

    public Task AgentsAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, Agents(), AgentOSJsonContext.Wire.IReadOnlyListAgentResponse);

    public Task AgentAsync(HttpContext context)
    {
        var id = context.Request.RouteValues["agent_id"] as string ?? string.Empty;
        return catalog.FindAgent(id) is { } agent
            ? JsonResponses.WriteAsync(context, AgnoWireFormat.Agent(agent), AgentOSJsonContext.Wire.AgentResponse)
            : JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Agent not found");
    }

    private List<AgentResponse> Agents() => catalog.Agents.Select(AgnoWireFormat.Agent).ToList();
}
