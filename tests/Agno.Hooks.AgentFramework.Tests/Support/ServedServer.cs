using System.IO.Pipelines;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.AgentFramework.Tests.Support;

/// <summary>
/// A real AgentOS on Kestrel (127.0.0.1, a free port) serving a hooked <see cref="ChatClientAgent"/> on the watched offline
/// model, with the hooks' log and gate in its container, and a probe on Kestrel's response body that records whether a
/// response had completed, and what the executor had been handed by then.
/// </summary>
internal sealed class ServedServer : IAsyncDisposable
{
    private int _completed;

    private ServedServer(WebApplication app, ModelProbe model)
    {
        App = app;
        Model = model;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public ModelProbe Model { get; }

    public HttpClient Client { get; }

    public HookLog Log => App.Services.GetRequiredService<HookLog>();

    public Gate Gate => App.Services.GetRequiredService<Gate>();

    public BackgroundHookExecutor Executor => App.Services.GetRequiredService<BackgroundHookExecutor>();

    public AgentFrameworkServedAgent Served => (AgentFrameworkServedAgent)App.Services.GetRequiredService<AgentOSCatalog>().ServedAgents.Single();

    /// <summary>Whether the last response's body had been completed (its last byte with the transport).</summary>
    public bool ResponseCompleted => Volatile.Read(ref _completed) == 1;

    /// <summary>The executor's queued count just before the last response completed.</summary>
    public long? QueuedBeforeCompletion { get; private set; }

    public static async Task<ServedServer> StartAsync(Action<AgnoHooksAgent> hooks, IDictionary<string, string?>? settings = null, bool holdAfterFirstUpdate = false)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var log = new HookLog();
        var model = new ModelProbe(log) { HoldAfterFirstUpdate = holdAfterFirstUpdate };
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton(new Gate());

        // What users write: a ChatClientAgent, hooked, served by AgentOS (which knows nothing of the Agent Framework).
        AIAgent agent = new ChatClientAgent(model, new ChatClientAgentOptions
        {
            Id = "support",
            Name = "Support",
            Description = "Answers support questions.",
            ChatOptions = new ChatOptions { Instructions = "You are a helpful support agent." },
        });
        var hooked = agent.AsBuilder().UseAgnoHooks(hooks).Build();
        builder.Services.AddAgentOS(os => os.ServedAgents.Add(hooked));

        var app = builder.Build();
        ServedServer? server = null;
        app.Use(async (context, next) =>
        {
            var kestrel = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Features.Set<IHttpResponseBodyFeature>(new Recording(kestrel, server!));
            await next(context);
        });
        app.MapAgentOS();
        await app.StartAsync();
        server = new ServedServer(app, model);
        return server;
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

    public async Task<JsonObject> RunAsync(string message, string? sessionId = null)
    {
        using var response = await Client.PostAsync("/agents/support/runs", Form([("message", message), ("stream", "false"), .. Session(sessionId)]));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task<List<(string Event, JsonObject Data)>> StreamAsync(string message, string? sessionId = null)
    {
        using var response = await Client.PostAsync("/agents/support/runs", Form([("message", message), .. Session(sessionId)]));
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldEndWith("\n\n");
        var frames = new List<(string, JsonObject)>();
        foreach (var block in body[..^2].Split("\n\n"))
        {
            var lines = block.Split('\n');
            lines.Length.ShouldBe(2);
            var name = lines[0]["event: ".Length..];
            var data = JsonNode.Parse(lines[1]["data: ".Length..])!.AsObject();
            data["event"]!.GetValue<string>().ShouldBe(name);
            frames.Add((name, data));
        }

        return frames;
    }

    public void UseKey(string key) => Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

    private static (string, string)[] Session(string? sessionId) => sessionId is null ? [] : [("session_id", sessionId)];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private sealed class Recording(IHttpResponseBodyFeature inner, ServedServer server) : IHttpResponseBodyFeature
    {
        public Stream Stream => inner.Stream;

        public PipeWriter Writer => inner.Writer;

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            inner.SendFileAsync(path, offset, count, cancellationToken);

        public async Task CompleteAsync()
        {
            server.QueuedBeforeCompletion = server.Executor.Statistics.Queued;
            await inner.CompleteAsync();
            Volatile.Write(ref server._completed, 1);
        }
    }
}
