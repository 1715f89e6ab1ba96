using Agno.Hooks;
using Agno.Hooks.Examples;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BackgroundHooksExample;

/// <summary>
/// The example's host: AgentOS serving <c>background-task-agent</c> on the offline model (or the one
/// <c>AGNO_MODEL</c> names), with every hook in the background (Agno's <c>AgentOS(run_hooks_in_background=True)</c>).
/// </summary>
public static class BackgroundHooksApp
{
    public const string AgentId = "background-task-agent";

    public static WebApplication Create(string[] args)
    {
        var builder = ExampleHost.CreateBuilder(args);
        AddTelemetry(builder);

        var agent = new Agent(AgentId)
        {
            Name = "Background Task Agent",
            Description = "Answers at once; its hooks log, measure and notify in the background.",
            Instructions = "You are a helpful assistant.",
            Model = ExampleModel.Create(builder.Configuration),
        };
        agent.PreHooks.Add(BackgroundHooks.LogRequestHook);
        agent.PostHooks.Add(BackgroundHooks.LogAnalyticsHook);
        agent.PostHooks.Add(BackgroundHooks.SendNotificationHook);

        // Agno's AgentOS(run_hooks_in_background=True): the runtime's one global setting.
        builder.Services.AddAgnoHooks(hooks => hooks.RunHooksInBackground = true);
        builder.Services.AddAgentOS(os => os.Agents.Add(agent));

        var app = builder.Build();
        app.MapAgentOS();
        return app;
    }

    /// <summary>
    /// Traces and metrics of runs, hooks and requests through OpenTelemetry; printed to the console when
    /// <c>Telemetry:Console</c> is true (swap in any exporter, such as OTLP, the usual way).
    /// </summary>
    private static void AddTelemetry(WebApplicationBuilder builder)
    {
        var console = bool.TryParse(builder.Configuration["Telemetry:Console"], out var enabled) && enabled;
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                tracing.AddSource(AgnoHooksTelemetry.Name, "Microsoft.AspNetCore");
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AgnoHooksTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel");
                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });
    }
}
