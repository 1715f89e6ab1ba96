namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>The agent, team or workflow whose runs a session holds.</summary>
public readonly record struct SessionOwner(SessionType Type, string Id);
