using System.Text.Json.Serialization.Metadata;
using Agno.Hooks.AgentOS.Http;
using Agno.Hooks.AgentOS.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.Discovery;

/// <summary><c>GET /</c>, <c>/health</c>, <c>/config</c>, and the lists and items of <c>/agents</c>, <c>/teams</c> and <c>/workflows</c>, in Agno's shapes.</summary>
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
            Teams = Teams(),
            Workflows = Workflows(),
        }, AgentOSJsonContext.Wire.ConfigResponse);

    public Task AgentsAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, Agents(), AgentOSJsonContext.Wire.IReadOnlyListAgentResponse);

    public Task AgentAsync(HttpContext context)
    {
        var id = RouteId(context, "agent_id");
        return catalog.FindServedAgent(id) is { } served
            ? JsonResponses.WriteAsync(context, AgnoWireFormat.DescribeAgent(served), AgentOSJsonContext.Wire.AgentResponse)
            : ItemAsync(context, catalog.FindAgent(id), AgnoWireFormat.DescribeAgent, AgentOSJsonContext.Wire.AgentResponse, "Agent not found");
    }

    public Task TeamsAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, Teams(), AgentOSJsonContext.Wire.IReadOnlyListTeamResponse);

    public Task TeamAsync(HttpContext context) =>
        ItemAsync(context, catalog.FindTeam(RouteId(context, "team_id")), AgnoWireFormat.DescribeTeam, AgentOSJsonContext.Wire.TeamResponse, "Team not found");

    public Task WorkflowsAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, Workflows(), AgentOSJsonContext.Wire.IReadOnlyListWorkflowResponse);

    public Task WorkflowAsync(HttpContext context) =>
        ItemAsync(context, catalog.FindWorkflow(RouteId(context, "workflow_id")), AgnoWireFormat.DescribeWorkflow, AgentOSJsonContext.Wire.WorkflowResponse, "Workflow not found");

    private static string RouteId(HttpContext context, string key) => context.Request.RouteValues[key] as string ?? string.Empty;

    private static Task ItemAsync<TItem, TResponse>(HttpContext context, TItem? item, Func<TItem, TResponse> describe, JsonTypeInfo<TResponse> typeInfo, string notFound)
        where TItem : class =>
        item is null
            ? JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, notFound)
            : JsonResponses.WriteAsync(context, describe(item), typeInfo);

    private List<AgentResponse> Agents() =>
        catalog.Agents.Select(AgnoWireFormat.DescribeAgent).Concat(catalog.ServedAgents.Select(AgnoWireFormat.DescribeAgent)).ToList();

    private List<TeamResponse> Teams() => catalog.Teams.Select(AgnoWireFormat.DescribeTeam).ToList();

    private List<WorkflowResponse> Workflows() => catalog.Workflows.Select(AgnoWireFormat.DescribeWorkflow).ToList();
}
