namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>One message of a stored run: <c>user</c> or <c>assistant</c>.</summary>
public sealed record SessionMessage(string Role, string Content);
