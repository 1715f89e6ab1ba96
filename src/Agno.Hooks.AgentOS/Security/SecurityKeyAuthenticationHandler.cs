using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using HeaderNames = Microsoft.Net.Http.Headers.HeaderNames;

namespace Agno.Hooks.AgentOS.Security;

/// <summary>
/// Agno's security key as an authentication scheme: <c>Authorization: Bearer &lt;key&gt;</c> authenticates; a wrong
/// key fails (401 <c>Invalid authentication token</c>); no bearer header, or one of another scheme (as in FastAPI), is
/// no result (401 <c>Authorization header required</c> where the policy needs a user). On an endpoint that accepts it
/// from a browser (<see cref="SecurityKeyBrowserSignInMetadata"/>), which can't send the header, <c>?key=&lt;key&gt;</c>
/// authenticates too and sets a cookie scoped to that endpoint's path, which then authenticates its later requests.
/// The bodies of the 401 and 403 are written by <see cref="AgentOSAuthorizationResultHandler"/>, once every scheme
/// of the policy has challenged.
/// </summary>
internal sealed class SecurityKeyAuthenticationHandler(
    IOptionsMonitor<SecurityKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<SecurityKeyAuthenticationOptions>(options, logger, encoder)
{
    public const string MissingHeader = "Authorization header required";
    public const string InvalidToken = "Invalid authentication token";
    public const string CookieName = "agentos_key";
    public const string QueryParameter = "key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(Authenticate());

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer");
        return Task.CompletedTask;
    }

    private AuthenticateResult Authenticate()
    {
        if (Options.Key is not { } key)
        {
            return AuthenticateResult.NoResult();
        }

        if (BearerToken(Request.Headers.Authorization.ToString()) is { } token)
        {
            return key.Matches(token) ? Success() : AuthenticateResult.Fail(InvalidToken);
        }

        return Context.GetEndpoint()?.Metadata.GetMetadata<SecurityKeyBrowserSignInMetadata>() is null
            ? AuthenticateResult.NoResult()
            : AuthenticateBrowser(key);
    }

    private AuthenticateResult AuthenticateBrowser(SecurityKeyHash key)
    {
        if (Request.Query.TryGetValue(QueryParameter, out var query) && query.ToString() is { Length: > 0 } presented)
        {
            if (!key.Matches(presented))
            {
                return AuthenticateResult.Fail(InvalidToken);
            }

            Response.Cookies.Append(CookieName, key.CookieValue, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = Request.IsHttps,
                Path = Request.PathBase.Add(LiteralPrefix(Context.GetEndpoint())).Value is { Length: > 0 } path ? path : "/",
            });
            return Success();
        }

        if (Request.Cookies.TryGetValue(CookieName, out var cookie) && cookie is not null)
        {
            return key.MatchesCookie(cookie) ? Success() : AuthenticateResult.Fail(InvalidToken);
        }

        return AuthenticateResult.NoResult();
    }

    private AuthenticateResult Success() =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(Scheme.Name)), Scheme.Name));

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

    /// <summary>The path up to the endpoint's first parameter (<c>/hooks/dashboard</c> of <c>/hooks/dashboard/{**path}</c>): the cookie's scope.</summary>
    private static PathString LiteralPrefix(Endpoint? endpoint)
    {
        var path = PathString.Empty;
        if (endpoint is RouteEndpoint route)
        {
            foreach (var segment in route.RoutePattern.PathSegments)
            {
                if (segment.Parts is not [RoutePatternLiteralPart literal])
                {
                    break;
                }

                path = path.Add("/" + literal.Content);
            }
        }

        return path;
    }
}
