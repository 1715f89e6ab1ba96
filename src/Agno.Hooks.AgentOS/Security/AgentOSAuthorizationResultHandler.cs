using Agno.Hooks.AgentOS.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Agno.Hooks.AgentOS.Security;

/// <summary>
/// Gives the 401 and 403 of AgentOS's routes Agno's <c>{"detail": ...}</c> body, whichever scheme challenged or
/// forbade: the schemes set the status and their headers (ASP.NET Core's own handler asks each of the policy's), then
/// this writes the body. 401: <c>Invalid authentication token</c> when a scheme failed to authenticate what was
/// presented (a wrong key, a bad or expired token), else <c>Authorization header required</c>; 403:
/// <c>Insufficient permissions</c>, as Agno's JWT middleware says. Other endpoints are answered as ASP.NET Core does.
/// </summary>
internal sealed class AgentOSAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    public const string InsufficientPermissions = "Insufficient permissions";

    private readonly AuthorizationMiddlewareResultHandler _aspNetCore = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _aspNetCore.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
        if (authorizeResult.Succeeded
            || context.Response.HasStarted
            || context.GetEndpoint()?.Metadata.GetMetadata<AgentOSRouteMetadata>() is null)
        {
            return;
        }

        var status = context.Response.StatusCode;
        if (status == StatusCodes.Status403Forbidden)
        {
            await JsonResponses.WriteErrorAsync(context, status, InsufficientPermissions).ConfigureAwait(false);
        }
        else if (status == StatusCodes.Status401Unauthorized)
        {
            var detail = await AnyAuthenticationFailedAsync(context, policy).ConfigureAwait(false)
                ? SecurityKeyAuthenticationHandler.InvalidToken
                : SecurityKeyAuthenticationHandler.MissingHeader;
            await JsonResponses.WriteErrorAsync(context, status, detail).ConfigureAwait(false);
        }
    }

    /// <summary>Whether credentials were presented and refused; a scheme's result is cached for the request, so this authenticates nothing again.</summary>
    private static async Task<bool> AnyAuthenticationFailedAsync(HttpContext context, AuthorizationPolicy policy)
    {
        if (policy.AuthenticationSchemes.Count == 0)
        {
            return context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Failure is not null;
        }

        foreach (var scheme in policy.AuthenticationSchemes)
        {
            if ((await context.AuthenticateAsync(scheme).ConfigureAwait(false)).Failure is not null)
            {
                return true;
            }
        }

        return false;
    }
}
