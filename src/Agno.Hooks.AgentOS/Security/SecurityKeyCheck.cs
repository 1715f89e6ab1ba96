using System.Security.Cryptography;
using System.Text;
using Agno.Hooks.AgentOS.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Agno.Hooks.AgentOS.Security;

/// <summary>
/// Agno's bearer-key check: with a security key set, a request needs <c>Authorization: Bearer &lt;key&gt;</c>,
/// else 401 with Agno's two messages. The key is compared through fixed-length hashes in constant time,
/// so neither its content nor its length leaks through timing.
/// </summary>
internal sealed class SecurityKeyCheck
{
    public const string MissingHeader = "Authorization header required";
    public const string InvalidToken = "Invalid authentication token";

    private readonly byte[]? _keyHash;

    public SecurityKeyCheck(IOptions<AgentOSOptions> options)
    {
        var key = options.Value.SecurityKey;
        _keyHash = string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    public bool Enabled => _keyHash is not null;

    /// <summary>True when the request may go on; otherwise the 401 has been written.</summary>
    public async ValueTask<bool> AuthorizeAsync(HttpContext context)
    {
        if (_keyHash is null)
        {
            return true;
        }

        var token = BearerToken(context.Request.Headers.Authorization.ToString());
        if (token is null)
        {
            await RejectAsync(context, MissingHeader).ConfigureAwait(false);
            return false;
        }

        var tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        if (!CryptographicOperations.FixedTimeEquals(tokenHash, _keyHash))
        {
            await RejectAsync(context, InvalidToken).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    /// <summary>The token of a <c>Bearer</c> header; null when there is none (another scheme counts as none, as in FastAPI).</summary>
    private static string? BearerToken(string header)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    private static Task RejectAsync(HttpContext context, string detail)
    {
        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return JsonResponses.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, detail);
    }
}
