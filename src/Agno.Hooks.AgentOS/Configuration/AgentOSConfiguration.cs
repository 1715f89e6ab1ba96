using Microsoft.Extensions.Configuration;

namespace Agno.Hooks.AgentOS.Configuration;

/// <summary>
/// The settings of <see cref="AgentOSOptions"/> that configuration can carry, bound by the configuration binding
/// generator (no reflection). The agents, teams and workflows served are code, not configuration, and the
/// generator can't describe them, so they stay out of this shape.
/// </summary>
internal sealed class AgentOSConfiguration
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? SecurityKey { get; set; }

    public long? MaxRequestBodySize { get; set; }

    public int? RecentHookRunsCapacity { get; set; }

    public List<string>? CorsAllowedOrigins { get; set; }

    /// <summary>Binds the <c>AgentOS</c> section and Agno's <c>OS_SECURITY_KEY</c> onto <paramref name="options"/>.</summary>
    public static void Apply(IConfiguration configuration, AgentOSOptions options)
    {
        var bound = new AgentOSConfiguration();
        configuration.GetSection(AgentOSOptions.SectionName).Bind(bound);
        options.Id = bound.Id ?? options.Id;
        options.Name = bound.Name ?? options.Name;
        options.Description = bound.Description ?? options.Description;
        options.SecurityKey = NonEmpty(bound.SecurityKey) ?? NonEmpty(configuration[AgentOSOptions.SecurityKeyVariable]) ?? options.SecurityKey;
        options.MaxRequestBodySize = bound.MaxRequestBodySize ?? options.MaxRequestBodySize;
        options.RecentHookRunsCapacity = bound.RecentHookRunsCapacity ?? options.RecentHookRunsCapacity;
        if (bound.CorsAllowedOrigins?.Where(origin => !string.IsNullOrWhiteSpace(origin)).ToList() is { Count: > 0 } origins)
        {
            options.CorsAllowedOrigins = origins;
        }

        configuration.GetSection($"{AgentOSOptions.SectionName}:{nameof(AgentOSOptions.Sessions)}").Bind(options.Sessions);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
