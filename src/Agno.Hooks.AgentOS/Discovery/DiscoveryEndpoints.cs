using System.Text.Json.Serialization.Metadata;
using Agno.Hooks.AgentOS.Http;
using Agno.Hooks.AgentOS.Sessions;
using Agno.Hooks.AgentOS.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.Discovery;

/// <summary><c>GET /</c>, <c>/health</c>, <c>/config</c>, and the lists and items of <c>/agents</c>, <c>/teams</c> and <c>/workflows</c>, in Agno's shapes.</summary>
internal sealed class DiscoveryEndpoints(AgentOSCatalog catalog, IOptions<AgentOSOptions> options, TimeProvider time, ISessionStore sessions)
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
            OsDatabase = sessions.DatabaseId,
            Databases = [sessions.DatabaseId],
            Session = new SessionConfigResponse
            {
                Dbs = [new DatabaseConfigResponse { DbId = sessions.DatabaseId, DomainConfig = new DomainConfigResponse { DisplayName = sessions.DatabaseId } }],
            },
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
            ? JsonResponses.WriteAsync(context, AgnoWireFormat.DescribeAgent(served, sessions.DatabaseId), AgentOSJsonContext.Wire.AgentResponse)
            : ItemAsync(context, catalog.FindAgent(id), agent => AgnoWireFormat.DescribeAgent(agent, sessions.DatabaseId), AgentOSJsonContext.Wire.AgentResponse, "Agent not found");
    }

    public Task TeamsAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, Teams(), AgentOSJsonContext.Wire.IReadOnlyListTeamResponse);

    public Task TeamAsync(HttpContext context) =>
        ItemAsync(context, catalog.FindTeam(RouteId(context, "team_id")), team => AgnoWireFormat.DescribeTeam(team, sessions.DatabaseId), AgentOSJsonContext.Wire.TeamResponse, "Team not found");

    public Task WorkflowsAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, Workflows(), AgentOSJsonContext.Wire.IReadOnlyListWorkflowResponse);

    public Task WorkflowAsync(HttpContext context) =>
        ItemAsync(context, catalog.FindWorkflow(RouteId(context, "workflow_id")), workflow => AgnoWireFormat.DescribeWorkflow(workflow, sessions.DatabaseId), AgentOSJsonContext.Wire.WorkflowResponse, "Workflow not found");

    private static string RouteId(HttpContext context, string key) => context.Request.RouteValues[key] as string ?? string.Empty;

    private static Task ItemAsync<TItem, TResponse>(HttpContext context, TItem? item, Func<TItem, TResponse> describe, JsonTypeInfo<TResponse> typeInfo, string notFound)
        where TItem : class =>
        item is null
            ? JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, notFound)
            : JsonResponses.WriteAsync(context, describe(item), typeInfo);

    // Each names the database of its sessions (db_id), as Agno's do when they have one.
    private List<AgentResponse> Agents() =>
        catalog.Agents.Select(agent => AgnoWireFormat.DescribeAgent(agent, sessions.DatabaseId))
            .Concat(catalog.ServedAgents.Select(served => AgnoWireFormat.DescribeAgent(served, sessions.DatabaseId)))
            .ToList();

    private List<TeamResponse> Teams() => catalog.Teams.Select(team => AgnoWireFormat.DescribeTeam(team, sessions.DatabaseId)).ToList();

    private List<WorkflowResponse> Workflows() => catalog.Workflows.Select(workflow => AgnoWireFormat.DescribeWorkflow(workflow, sessions.DatabaseId)).ToList();
}
