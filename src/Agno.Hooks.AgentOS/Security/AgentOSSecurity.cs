namespace Agno.Hooks.AgentOS;

/// <summary>
/// The names by which AgentOS's security is ASP.NET Core authentication and authorization. <c>app.MapAgentOS()</c>
/// requires <see cref="PolicyName"/> on its whole route group (every AgentOS route but <c>/</c> and <c>/health</c>,
/// every <see cref="IAgentOSRoutes"/> route, and whatever else is mapped on the group it returns, such as the durable
/// hooks' dashboard). By default that policy authenticates with <see cref="SecurityKeyScheme"/> (Agno's
/// <c>OS_SECURITY_KEY</c>: <c>Authorization: Bearer &lt;key&gt;</c>) and lets everyone in when no key is set.
/// Register a policy of that name yourself (<c>AddAuthorization(o =&gt; o.AddPolicy(AgentOSSecurity.PolicyName, ...))</c>)
/// to use any other scheme, such as JWT bearer with required scopes; it replaces AgentOS's.
/// </summary>
public static class AgentOSSecurity
{
    /// <summary>The authorization policy of AgentOS's route group.</summary>
    public const string PolicyName = "AgentOS";

    /// <summary>The authentication scheme of Agno's security key (<see cref="AgentOSOptions.SecurityKey"/>).</summary>
    public const string SecurityKeyScheme = "AgentOSSecurityKey";
}
