using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.Examples.Tests.Infrastructure;

/// <summary>
/// A small OpenAI-compatible server on loopback: <c>POST /v1/chat/completions</c> (non-streaming), answering
/// with <see cref="StructuredAnswer"/> when a JSON schema is asked for and <see cref="TextAnswer"/> otherwise.
/// It records what it was sent, so a test can see the real OpenAI client's requests.
/// </summary>
internal sealed class FakeOpenAIServer : IAsyncDisposable
{
    public const string TextAnswer = "Open Settings, choose Security, then Reset password.";

    /// <summary>A judge's numeric verdict (<c>AgentAsJudgeEval</c> asks for <c>{"score", "reason"}</c>).</summary>
    public const string StructuredAnswer = """{"score":8,"reason":"Clear steps; it could link the settings page."}""";

    private readonly WebApplication _app;
    private readonly List<(string? Authorization, JsonObject Body)> _requests = [];

    private FakeOpenAIServer(WebApplication app) => _app = app;

    /// <summary>The base URL an OpenAI client takes (<c>OPENAI_BASE_URL</c>).</summary>
    public string BaseUrl => _app.Urls.Single() + "/v1";

    public IReadOnlyList<(string? Authorization, JsonObject Body)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", (Delegate)server.CompleteAsync);
        await app.StartAsync();
        return server;
    }

    private async Task<IResult> CompleteAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        lock (_requests)
        {
            _requests.Add((context.Request.Headers.Authorization.ToString(), body));
        }

        if (body["stream"]?.GetValue<bool>() == true)
        {
            return Results.BadRequest(new JsonObject { ["error"] = new JsonObject { ["message"] = "This fake answers without streaming." } });
        }

        var structured = body["response_format"]?["type"]?.GetValue<string>() == "json_schema";
        var model = body["model"]!.GetValue<string>();
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = structured ? StructuredAnswer : TextAnswer },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 12, ["completion_tokens"] = 8, ["total_tokens"] = 20 },
        };
        return Results.Content(completion.ToJsonString(), "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
