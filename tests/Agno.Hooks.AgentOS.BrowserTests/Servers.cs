using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.AgentOS.BrowserTests;

/// <summary>Kestrel servers on 127.0.0.1 and free ports: AgentOS, and the page that calls it from another origin.</summary>
internal static class Servers
{
    /// <summary>AgentOS with one agent, <c>chat</c>, on the offline model.</summary>
    public static Task<WebApplication> StartAgentOSAsync(string allowedOrigin, string securityKey) =>
        StartAgentOSAsync(allowedOrigin, securityKey, new Agent("chat") { Name = "Chat", Instructions = "You are a helpful assistant.", Model = new OfflineChatClient() });

    /// <summary>AgentOS with <paramref name="agent"/>, and what its hooks need from <paramref name="configureServices"/>.</summary>
    public static async Task<WebApplication> StartAgentOSAsync(string allowedOrigin, string securityKey, Agent agent, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAgentOS(os =>
        {
            os.Agents.Add(agent);
            os.CorsAllowedOrigins = [allowedOrigin];
            os.SecurityKey = securityKey;
        });
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapAgentOS();
        await app.StartAsync();
        return app;
    }

    /// <summary>Serves Pages/chat.html at <c>/</c>, from its own origin.</summary>
    public static Task<WebApplication> StartPageAsync() => StartPageAsync("chat.html");

    /// <summary>Serves Pages/<paramref name="page"/> at <c>/</c>, from its own origin.</summary>
    public static async Task<WebApplication> StartPageAsync(string page)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var html = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Pages", page));
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync();
        return app;
    }

    public static string Origin(this WebApplication app) => new Uri(app.Urls.Single()).GetLeftPart(UriPartial.Authority);
}
