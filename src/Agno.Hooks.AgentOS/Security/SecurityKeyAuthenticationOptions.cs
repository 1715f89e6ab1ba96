using Microsoft.AspNetCore.Authentication;

namespace Agno.Hooks.AgentOS.Security;

/// <summary>The options of <see cref="AgentOSSecurity.SecurityKeyScheme"/>: the key, from <see cref="AgentOSOptions.SecurityKey"/>.</summary>
internal sealed class SecurityKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Null when no key is set: the scheme then authenticates no one, and AgentOS's default policy lets everyone in.</summary>
    public SecurityKeyHash? Key { get; set; }
}
