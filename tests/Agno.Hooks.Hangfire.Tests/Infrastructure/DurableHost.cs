using System.Net.Http.Headers;
using Agno.Hooks.AgentOS;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.Hangfire.Tests.Infrastructure;

/// <summary>
/// One AgentOS instance on Kestrel (127.0.0.1, a free port) with durable hooks on a real PostgreSQL: the app a user
/// builds (the dashboard mapped on AgentOS's group), with test-sized timings (fast polls, a one-second retry delay, a short invisibility timeout).
/// </summary>
internal sealed class DurableHost : IAsyncDisposable
{
    private DurableHost(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public static async Task<DurableHost> StartAsync(
        string connectionString,
        string schema,
        Agent agent,
        Action<DurableBackgroundHooksOptions>? durable = null,
        Action<AgnoHooksOptions>? hooks = null,
        Action<AgentOSOptions>? os = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? beforeRoutes = null,
        Action<WebApplication>? mapDashboard = null)
    {
        // A content root of its own: the test's folder holds the example's appsettings.json, which is not this app's.
        var contentRoot = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "durable-host")).FullName;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = contentRoot });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:AgnoHooks"] = connectionString });
        builder.Services.AddAgnoHooks(o =>
            {
                o.RunHooksInBackground = true;
                o.HookTimeout = TimeSpan.FromSeconds(20);
                hooks?.Invoke(o);
            })
            .AddDurableBackgroundHooks(d =>
            {
                d.SchemaName = schema;
                d.WorkerCount = 4;
                d.QueuePollInterval = TimeSpan.FromMilliseconds(100);
                d.SchedulePollingInterval = TimeSpan.FromMilliseconds(200);
                d.InvisibilityTimeout = TimeSpan.FromSeconds(5);
                d.RetryDelays = [TimeSpan.FromSeconds(1)];
                d.ShutdownGracePeriod = TimeSpan.FromSeconds(2);
                durable?.Invoke(d);
            });
        builder.Services.AddAgentOS(o =>
        {
            o.Agents.Add(agent);
            os?.Invoke(o);
        });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        beforeRoutes?.Invoke(app);
        var agentOS = app.MapAgentOS();
        if (mapDashboard is null)
        {
            // As the docs tell an application: on AgentOS's group, so it takes AgentOS's policy.
            agentOS.MapAgnoHooksDashboard().AcceptSecurityKeyFromBrowser();
        }
        else
        {
            mapDashboard(app);
        }

        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new DurableHost(app, new Uri(app.Urls.Single()));
    }

    /// <summary>An agent on the offline model with <paramref name="postHooks"/> (background: the global setting is on).</summary>
    public static Agent Agent(string id, params HookDescriptor[] postHooks)
    {
        var agent = new Agent(id) { Model = new OfflineChatClient() };
        foreach (var hook in postHooks)
        {
            agent.PostHooks.Add(hook);
        }

        return agent;
    }

    /// <summary>A post-hook built by hand (as the generator would), named <paramref name="name"/>.</summary>
    public static HookDescriptor Hook(string name, Func<HookContext, ValueTask> body) =>
        new(name, context => body(context), [new HookParameter("output", HookParameterKind.RunOutput, typeof(RunOutput)), new HookParameter("execution", HookParameterKind.BackgroundExecutionInfo, typeof(BackgroundExecutionInfo))]);

    /// <summary>Runs the agent once (<c>stream=false</c>); returns the run id.</summary>
    public async Task<string> RunAsync(string agentId, string message = "Hello!")
    {
        using var form = new MultipartFormDataContent { { new StringContent(message), "message" }, { new StringContent("false"), "stream" } };
        using var response = await Client.PostAsync($"/agents/{agentId}/runs", form);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return System.Text.Json.Nodes.JsonNode.Parse(body)!["run_id"]!.GetValue<string>();
    }

    public void UseKey(string key) => Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
        }
    }
}
