namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>One page of sessions, and how many matched in all.</summary>
public sealed record SessionPage(IReadOnlyList<SessionRecord> Sessions, int TotalCount);
