using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.Cors;

/// <summary>
/// CORS as Agno's AgentOS sets it, through ASP.NET Core's CORS middleware: Agno's origins unless
/// <see cref="AgentOSOptions.CorsAllowedOrigins"/> replaces them, <c>*</c> never kept, credentials, every
/// method and header allowed, every header exposed. The middleware goes first in the pipeline (a startup
/// filter), so a preflight gets its 204 on every route before routing or the security key, and every real
/// response carries the headers, 401s and 404s included.
/// </summary>
public static class AgentOSCors
{
    /// <summary>The name of AgentOS's CORS policy.</summary>
    public const string PolicyName = "AgentOS";

    /// <summary>Agno's default origins: its web UI on <c>localhost:3000</c> and Agno's hosted UIs.</summary>
    public static IReadOnlyList<string> DefaultOrigins { get; } =
    [
        "http://localhost:3000",
        "https://agno.com",
        "https://www.agno.com",
        "https://app.agno.com",
        "https://os-stg.agno.com",
        "https://os.agno.com",
    ];

    /// <summary>The origins AgentOS allows: the configured ones (Agno's when none are), without <c>*</c> or blanks.</summary>
    internal static IReadOnlyList<string> AllowedOrigins(AgentOSOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IEnumerable<string> origins = options.CorsAllowedOrigins is { Count: > 0 } configured ? configured : DefaultOrigins;
        return origins
            .Where(origin => !string.IsNullOrWhiteSpace(origin))
            .Select(origin => origin.Trim())
            .Where(origin => origin != "*")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    internal static void AddAgentOSCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<AgentOSOptions>>((cors, os) => cors.AddPolicy(PolicyName, policy => policy
            .WithOrigins([.. AllowedOrigins(os.Value)])
            .AllowCredentials()
            .AllowAnyMethod()
            .AllowAnyHeader()
            .WithExposedHeaders("*")));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, CorsStartupFilter>());
    }

    /// <summary>Puts the CORS middleware in front of everything else the application adds.</summary>
    internal sealed class CorsStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseCors(PolicyName);
            next(app);
        };
    }

    /// <summary>Origins a browser can send: <c>scheme://host[:port]</c>, nothing after.</summary>
    internal static string? OriginProblem(string origin) =>
        origin.Trim() == "*"
        || (Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            && !origin.Trim().EndsWith('/'))
            ? null
            : $"'{origin}' is not an origin: write scheme://host[:port], such as http://localhost:3000, without a path or a trailing slash.";
}
