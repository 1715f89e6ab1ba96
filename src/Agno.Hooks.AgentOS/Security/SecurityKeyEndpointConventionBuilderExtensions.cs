using Agno.Hooks.AgentOS.Security;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Lets a browser present AgentOS's security key to an endpoint.</summary>
public static class SecurityKeyEndpointConventionBuilderExtensions
{
    /// <summary>
    /// A browser can't send <c>Authorization: Bearer &lt;key&gt;</c>: on these endpoints the security key scheme also
    /// takes the key as <c>?key=&lt;key&gt;</c> on any URL, which sets a cookie (a hash of the key, never the key;
    /// HttpOnly, SameSite=Strict, scoped to the endpoint's path up to its first parameter) that lets the page's own
    /// links and polls through. For pages such as the durable hooks' dashboard; AgentOS's API takes the header only, as
    /// Agno's does. The endpoint still needs a policy that uses the scheme (map it on <c>app.MapAgentOS()</c>).
    /// </summary>
    public static TBuilder AcceptSecurityKeyFromBrowser<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(SecurityKeyBrowserSignInMetadata.Instance);
    }
}
