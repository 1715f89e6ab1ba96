using System.Text.Json;
using Agno.Hooks.Hangfire;
using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Hangfire's dashboard of durable background hooks.</summary>
public static class AgnoHooksDashboardEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Mounts Hangfire's dashboard of the durable hooks at <see cref="DurableBackgroundHooksOptions.DashboardPath"/>
    /// (<c>/hooks/dashboard</c>), read-only unless <see cref="DurableBackgroundHooksOptions.DashboardReadOnly"/> is off;
    /// nothing when <see cref="DurableBackgroundHooksOptions.EnableDashboard"/> is off. Who may see it is ASP.NET Core
    /// authorization's to say, never Hangfire's (its local-requests-only filter is gone): map it on AgentOS's route group,
    /// <c>app.MapAgentOS().MapAgnoHooksDashboard()</c>, and it takes AgentOS's policy (the security key, or the scheme the
    /// application chose); add <c>.AcceptSecurityKeyFromBrowser()</c> so that a browser can bring the key as <c>?key=</c>.
    /// Mapped where no authorization applies, it requires the application's default policy (an authenticated user) rather
    /// than open: call <c>.RequireAuthorization(...)</c> to choose, or <c>.AllowAnonymous()</c> to open it on purpose.
    /// </summary>
    /// <exception cref="InvalidOperationException">Durable hooks or ASP.NET Core authorization are not registered.</exception>
    public static IEndpointConventionBuilder MapAgnoHooksDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var storage = services.GetService<DurableHookStorage>()
            ?? throw new InvalidOperationException("Durable background hooks are not registered: call builder.Services.AddDurableBackgroundHooks(...) before mapping their dashboard.");
        if (services.GetService<IAuthorizationPolicyProvider>() is null)
        {
            throw new InvalidOperationException("The durable hooks' dashboard is protected by ASP.NET Core authorization, which is not registered: call builder.Services.AddAuthorization() (AddAgentOS does) before mapping it.");
        }

        var options = storage.Options;
        if (!options.EnableDashboard)
        {
            return NoDashboard.Instance;
        }

        var path = options.DashboardPath.TrimEnd('/');
        var readOnly = options.DashboardReadOnly;
        var dashboard = new DashboardOptions
        {
            DashboardTitle = "Agno.Hooks: durable background hooks",
            AppPath = null,
            // Hangfire's default lets local requests only; the endpoint's authorization has decided before the dashboard runs.
            Authorization = [],
            IsReadOnlyFunc = _ => readOnly,
            DisplayNameFunc = static (_, job) => DisplayName(job),
            TimeZoneResolver = new DefaultTimeZoneResolver(),
        };

        // Built on the first request, so that mapping needs no database: the host's start has reached it by then.
        var pipeline = new Lazy<RequestDelegate>(() => endpoints.CreateApplicationBuilder()
            .UsePathBase(path)
            .UseMiddleware<global::Hangfire.Dashboard.AspNetCoreDashboardMiddleware>(storage.Storage, dashboard, DashboardRoutes.Routes, true)
            .Build());
        var endpoint = endpoints.Map(path + "/{**path}", context => pipeline.Value(context));
        endpoint.Finally(static builder =>
        {
            // Never open by omission: with no authorization from the endpoint or its group, the default policy applies.
            if (!builder.Metadata.Any(static m => m is IAuthorizeData or IAllowAnonymous))
            {
                builder.Metadata.Add(new AuthorizeAttribute());
            }
        });
        return endpoint;
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

    /// <summary>What <see cref="MapAgnoHooksDashboard"/> returns when the dashboard is off: conventions for no endpoint.</summary>
    private sealed class NoDashboard : IEndpointConventionBuilder
    {
        public static readonly NoDashboard Instance = new();

        public void Add(Action<EndpointBuilder> convention)
        {
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
        }
    }
}
