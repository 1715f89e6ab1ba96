using Agno.Hooks.AgentOS.Cancellation;
using Agno.Hooks.AgentOS.Cors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>Registers sessions, run cancelling and CORS for <c>AddAgentOS</c>.</summary>
internal static class AgentOSSessionServices
{
    public static IServiceCollection AddAgentOSSessionsAndCors(this IServiceCollection services)
    {
        // A store registered by the application (say, a durable one) wins over the in-memory default.
        services.TryAddSingleton<ISessionStore>(provider =>
        {
            var sessions = provider.GetRequiredService<IOptions<AgentOSOptions>>().Value.Sessions;
            return new InMemorySessionStore(sessions.MaxSessions, sessions.MaxRunsPerSession, sessions.DatabaseId, provider.GetService<TimeProvider>());
        });
        services.TryAddSingleton<RunningRuns>();
        services.TryAddSingleton<SessionRuns>();
        services.TryAddSingleton<SessionEndpoints>();
        services.TryAddSingleton<CancelRunEndpoint>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentOSOptions>, SessionAndCorsOptionsValidator>());
        services.AddAgentOSCors();
        return services;
    }
}

/// <summary>Rejects session bounds and CORS origins AgentOS can't work with, at start-up.</summary>
internal sealed class SessionAndCorsOptionsValidator : IValidateOptions<AgentOSOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOSOptions options)
    {
        List<string>? failures = null;
        var sessions = options.Sessions;
        if (sessions.HistoryRuns < 0)
        {
            (failures ??= []).Add($"Sessions.{nameof(AgentOSSessionOptions.HistoryRuns)} must be 0 or more (was {sessions.HistoryRuns}).");
        }

        if (sessions.MaxSessions < 1)
        {
            (failures ??= []).Add($"Sessions.{nameof(AgentOSSessionOptions.MaxSessions)} must be at least 1 (was {sessions.MaxSessions}).");
        }

        if (sessions.MaxRunsPerSession < 1)
        {
            (failures ??= []).Add($"Sessions.{nameof(AgentOSSessionOptions.MaxRunsPerSession)} must be at least 1 (was {sessions.MaxRunsPerSession}).");
        }

        if (string.IsNullOrWhiteSpace(sessions.DatabaseId))
        {
            (failures ??= []).Add($"Sessions.{nameof(AgentOSSessionOptions.DatabaseId)} can't be empty.");
        }

        foreach (var origin in options.CorsAllowedOrigins ?? [])
        {
            if (!string.IsNullOrWhiteSpace(origin) && AgentOSCors.OriginProblem(origin) is { } problem)
            {
                (failures ??= []).Add($"{nameof(AgentOSOptions.CorsAllowedOrigins)}: {problem}");
            }
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
