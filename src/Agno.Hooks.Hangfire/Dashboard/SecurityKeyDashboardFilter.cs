using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace Agno.Hooks.Hangfire.Dashboard;

/// <summary>
/// Lets into the dashboard whoever holds AgentOS's security key: as <c>Authorization: Bearer &lt;key&gt;</c>, as
/// <c>?key=&lt;key&gt;</c> on any dashboard URL (a browser can't send the header), which also sets a cookie so the
/// dashboard's own links and polls keep working, or with that cookie. The cookie holds a hash of the key, never the
/// key; it is HttpOnly, SameSite=Strict and scoped to the dashboard's path. Without a security key the dashboard is
/// open, like AgentOS's routes.
/// </summary>
internal sealed class SecurityKeyDashboardFilter : IDashboardAuthorizationFilter
{
    public const string CookieName = "agno_hooks_dashboard";
    public const string QueryParameter = "key";

    private readonly byte[]? _keyHash;
    private readonly string? _cookieValue;
    private readonly string _cookiePath;

    public SecurityKeyDashboardFilter(string? securityKey, string cookiePath)
    {
        _cookiePath = cookiePath;
        if (!string.IsNullOrEmpty(securityKey))
        {
            _keyHash = SHA256.HashData(Encoding.UTF8.GetBytes(securityKey));
            _cookieValue = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("agno-hooks-dashboard:" + securityKey)));
        }
    }

    public bool Authorize(DashboardContext context)
    {
        if (_keyHash is null)
        {
            return true;
        }

        var http = context.GetHttpContext();
        var request = http.Request;
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(header["Bearer ".Length..].Trim()))
        {
            return true;
        }

        if (request.Query.TryGetValue(QueryParameter, out var key) && Matches(key.ToString()))
        {
            http.Response.Cookies.Append(CookieName, _cookieValue!, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = request.IsHttps,
                Path = _cookiePath,
            });
            return true;
        }

        return request.Cookies.TryGetValue(CookieName, out var cookie) && cookie is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(_cookieValue!));
    }

    private bool Matches(string token) =>
        token.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), _keyHash);
}
