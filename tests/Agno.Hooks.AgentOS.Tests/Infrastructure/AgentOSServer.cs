using System.Net.Http.Headers;
using Agno.Hooks.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.AgentOS.Tests.Infrastructure;

/// <summary>
/// A real AgentOS on Kestrel, on 127.0.0.1 and a free port, with a client pointed at it. The background work
/// it queues goes through the JSON round trip (<see cref="RoundTripQueue"/>) and runs restored from data;
/// disposing the server fails the test if any round trip failed.
/// </summary>
internal sealed class AgentOSServer : IAsyncDisposable
{
    private AgentOSServer(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public BackgroundHookExecutor Executor => App.Services.GetRequiredService<BackgroundHookExecutor>();

    /// <summary>Where AgentOS hands background work after a response: the round trip, in front of <see cref="Executor"/>.</summary>
    public RoundTripQueue RoundTrip => App.Services.GetRequiredService<RoundTripQueue>();

    public static async Task<AgentOSServer> StartAsync(
        Action<AgentOSOptions> configure,
        IDictionary<string, string?>? settings = null,
        Action<WebApplication>? beforeRoutes = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddAgentOS(configure);
        configureServices?.Invoke(builder.Services);
        builder.Services.AddBackgroundRoundTrip();
        var app = builder.Build();
        beforeRoutes?.Invoke(app);
        app.MapAgentOS();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new AgentOSServer(app, new Uri(app.Urls.Single()));
    }

    public static MultipartFormDataContent Form(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    public void UseKey(string key) => Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        var roundTrip = RoundTrip;
        await App.StopAsync();
        await App.DisposeAsync();
        roundTrip.ThrowIfAnyFailed();
    }
}
