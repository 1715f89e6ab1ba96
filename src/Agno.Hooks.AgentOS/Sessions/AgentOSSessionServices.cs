using System.Globalization;
using Agno.Hooks.AgentOS.Cancellation;
using Agno.Hooks.AgentOS.Cors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>Registers sessions, run cancelling and CORS for <c>AddAgentOS</c>, and reads their settings.</summary>
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

    /// <summary>
    /// Reads <c>AgentOS:CorsAllowedOrigins</c> (an array: <c>AgentOS__CorsAllowedOrigins__0</c>, ...) and
    /// <c>AgentOS:Sessions:*</c> by key, with no reflection-based binding (trimming and AOT safe).
    /// </summary>
    public static void ApplyConfiguration(AgentOSOptions os, IConfiguration? configuration)
    {
        if (configuration is null)
        {
            return;
        }

        var section = configuration.GetSection(AgentOSOptions.SectionName);
        var origins = section.GetSection(nameof(AgentOSOptions.CorsAllowedOrigins)).GetChildren()
            .Select(child => child.Value)
            .OfType<string>()
            .Where(origin => !string.IsNullOrWhiteSpace(origin))
            .ToList();
        if (origins.Count > 0)
        {
            os.CorsAllowedOrigins = origins;
        }

        var sessions = section.GetSection(nameof(AgentOSOptions.Sessions));
        os.Sessions.HistoryRuns = Int(sessions, nameof(AgentOSSessionOptions.HistoryRuns), os.Sessions.HistoryRuns);
        os.Sessions.MaxSessions = Int(sessions, nameof(AgentOSSessionOptions.MaxSessions), os.Sessions.MaxSessions);
        os.Sessions.MaxRunsPerSession = Int(sessions, nameof(AgentOSSessionOptions.MaxRunsPerSession), os.Sessions.MaxRunsPerSession);
        os.Sessions.DatabaseId = sessions[nameof(AgentOSSessionOptions.DatabaseId)] is { Length: > 0 } id ? id : os.Sessions.DatabaseId;
    }

    private static int Int(IConfigurationSection section, string key, int fallback) =>
        section[key] is not { } text ? fallback
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw new InvalidOperationException($"Configuration '{section.Path}:{key}' is '{text}'; expected an integer.");
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
