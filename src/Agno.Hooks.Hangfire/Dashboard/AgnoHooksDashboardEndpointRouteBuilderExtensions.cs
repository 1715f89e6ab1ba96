using System.Text.Json;
using Agno.Hooks.AgentOS;
using Agno.Hooks.Hangfire;
using Agno.Hooks.Hangfire.Dashboard;
using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Hangfire's dashboard of durable background hooks.</summary>
public static class AgnoHooksDashboardEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Mounts Hangfire's dashboard of the durable hooks at <see cref="DurableBackgroundHooksOptions.DashboardPath"/>
    /// (<c>/hooks/dashboard</c>), behind AgentOS's security key when one is set (bearer header, or <c>?key=</c> once
    /// in a browser, which sets a cookie), read-only unless <see cref="DurableBackgroundHooksOptions.DashboardReadOnly"/>
    /// is off. <c>app.MapAgentOS()</c> calls it when durable hooks are on; call it yourself without AgentOS.
    /// </summary>
    public static IEndpointConventionBuilder MapAgnoHooksDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var storage = services.GetService<DurableHookStorage>()
            ?? throw new InvalidOperationException("Durable background hooks are not registered: call builder.Services.AddDurableBackgroundHooks(...) before mapping their dashboard.");
        var options = storage.Options;
        var securityKey = services.GetService<IOptions<AgentOSOptions>>()?.Value.SecurityKey;
        var path = options.DashboardPath.TrimEnd('/');
        var readOnly = options.DashboardReadOnly;
        var dashboard = new DashboardOptions
        {
            DashboardTitle = "Agno.Hooks: durable background hooks",
            AppPath = null,
            Authorization = [new SecurityKeyDashboardFilter(securityKey, path)],
            IsReadOnlyFunc = _ => readOnly,
            DisplayNameFunc = static (_, job) => DisplayName(job),
            TimeZoneResolver = new DefaultTimeZoneResolver(),
        };

        // Built on the first request, so that mapping needs no database: the host's start has reached it by then.
        var pipeline = new Lazy<RequestDelegate>(() => endpoints.CreateApplicationBuilder()
            .UsePathBase(path)
            .UseMiddleware<global::Hangfire.Dashboard.AspNetCoreDashboardMiddleware>(storage.Storage, dashboard, DashboardRoutes.Routes, true)
            .Build());
        return endpoints.Map(path + "/{**path}", context => pipeline.Value(context));
    }

    /// <summary>"SlowAudit: run 0193…, agent durable-agent" rather than the job method's name.</summary>
    internal static string DisplayName(Job job)
    {
        if (job.Args.Count > 0 && job.Args[0] is string execution)
        {
            try
            {
                using var document = JsonDocument.Parse(execution);
                var root = document.RootElement;
                var hook = root.GetProperty("hookName").GetString();
                var owner = root.TryGetProperty("ownerId", out var id) ? id.GetString() : null;
                var kind = root.TryGetProperty("ownerKind", out var k) ? k.GetString()?.ToLowerInvariant() : null;
                var run = root.TryGetProperty("run", out var r) && r.TryGetProperty("runId", out var runId) ? runId.GetString() : null;
                return $"{hook}: run {run}, {kind} {owner}";
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // Not an execution this version can read: fall back to the method's name.
            }
        }

        return $"{job.Type.Name}.{job.Method.Name}";
    }
}

