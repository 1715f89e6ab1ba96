namespace Agno.Hooks.AgentOS.Security;

/// <summary>
/// Marks an endpoint that takes the security key from a browser (<c>?key=</c> once, then a cookie), which can't send
/// the bearer header. Added by <c>AcceptSecurityKeyFromBrowser()</c>.
/// </summary>
internal sealed class SecurityKeyBrowserSignInMetadata
{
    public static readonly SecurityKeyBrowserSignInMetadata Instance = new();

    private SecurityKeyBrowserSignInMetadata()
    {
    }
}
