using Microsoft.AspNetCore.Hosting;

namespace Agno.Hooks.Examples;

/// <summary>
/// What every example's host shares: AgentOS's port 7777 unless told otherwise, and one console line per log
/// entry with a timestamp, so the order "response sent", then "hook finished" is plain to see.
/// </summary>
public static class ExampleHost
{
    /// <summary>Where an example listens unless ASPNETCORE_URLS, --urls or Kestrel configuration say otherwise.</summary>
    public const string DefaultUrl = "http://localhost:7777";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (!HasConfiguredEndpoints(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        return builder;
    }

    private static bool HasConfiguredEndpoints(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
