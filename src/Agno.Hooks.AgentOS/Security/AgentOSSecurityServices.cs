using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.Security;

/// <summary>
/// Registers AgentOS's security for <c>AddAgentOS</c>: the security key scheme, the AgentOS policy (unless the
/// application registers its own under that name, before or after) and the handler that writes Agno's 401 and 403 bodies.
/// </summary>
internal static class AgentOSSecurityServices
{
    public static IServiceCollection AddAgentOSSecurity(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SecurityKeyAuthenticationHandler)))
        {
            return services;
        }

        services.AddAuthentication()
            .AddScheme<SecurityKeyAuthenticationOptions, SecurityKeyAuthenticationHandler>(AgentOSSecurity.SecurityKeyScheme, displayName: null, configureOptions: null);
        services.AddOptions<SecurityKeyAuthenticationOptions>(AgentOSSecurity.SecurityKeyScheme)
            .Configure<IOptions<AgentOSOptions>>(static (scheme, os) => scheme.Key = SecurityKeyHash.From(os.Value.SecurityKey));

        services.AddAuthorization();
        // An application's policy of the same name wins: registered earlier, it is there when this runs; later, it replaces this one.
        services.AddOptions<AuthorizationOptions>()
            .Configure<IOptions<AgentOSOptions>>(static (authorization, os) =>
            {
                if (authorization.GetPolicy(AgentOSSecurity.PolicyName) is null)
                {
                    authorization.AddPolicy(AgentOSSecurity.PolicyName, DefaultPolicy(os.Value));
                }
            });

        // In place of ASP.NET Core's handler, which it wraps; an application's own handler is left alone.
        var resultHandler = services.LastOrDefault(d => d.ServiceType == typeof(IAuthorizationMiddlewareResultHandler));
        if (resultHandler is null || resultHandler.ImplementationType == typeof(AuthorizationMiddlewareResultHandler))
        {
            services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, AgentOSAuthorizationResultHandler>());
        }

        return services;
    }

    /// <summary>With a key, a user authenticated by it; without one, anyone (Agno's open AgentOS), through the same policy.</summary>
    internal static AuthorizationPolicy DefaultPolicy(AgentOSOptions options) =>
        string.IsNullOrEmpty(options.SecurityKey)
            ? new AuthorizationPolicyBuilder().RequireAssertion(static _ => true).Build()
            : new AuthorizationPolicyBuilder(AgentOSSecurity.SecurityKeyScheme).RequireAuthenticatedUser().Build();
}
