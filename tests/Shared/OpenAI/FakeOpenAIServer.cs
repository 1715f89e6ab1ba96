using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.Testing;

/// <summary>
/// A small OpenAI-compatible server on loopback: <c>POST /v1/chat/completions</c>, answering with a judge's verdict
/// when a JSON schema is asked for (<see cref="BinaryAnswer"/> when the schema has <c>passed</c>, else
/// <see cref="StructuredAnswer"/>) and with its text answer otherwise. Without
/// <c>stream</c> the answer is one <c>chat.completion</c>; with <c>stream: true</c> it is server-sent
/// <c>data: {chat.completion.chunk}</c> events, one for each of the answer's chunks as given (so a test chooses where
/// the model's chunks split the text), a last one with the finish reason, the usage in a chunk of its own when
/// <c>stream_options.include_usage</c> asks for it, then <c>data: [DONE]</c>, as OpenAI streams.
/// It records what it was sent, so a test can see the real OpenAI client's requests.
/// </summary>
internal sealed class FakeOpenAIServer : IAsyncDisposable
{
    public const string TextAnswer = "Open Settings, choose Security, then Reset password.";

    /// <summary>A judge's numeric verdict (<c>AgentAsJudgeEval</c> asks for <c>{"score", "reason"}</c>).</summary>
    public const string StructuredAnswer = """{"score":8,"reason":"Clear steps; it could link the settings page."}""";

    /// <summary>A judge's pass/fail verdict (<c>AgentAsJudgeEval</c> in binary mode asks for <c>{"passed", "reason"}</c>).</summary>
    public const string BinaryAnswer = """{"passed":true,"reason":"It answers the question and shows no personal data."}""";

    public const int PromptTokens = 12;
    public const int CompletionTokens = 8;

    private const string CompletionId = "chatcmpl-fake";
    private const long Created = 1_700_000_000;

    private readonly WebApplication _app;
    private readonly string[] _answerChunks;
    private readonly List<(string? Authorization, JsonObject Body)> _requests = [];

    private FakeOpenAIServer(WebApplication app, string[] answerChunks)
    {
        _app = app;
        _answerChunks = answerChunks;
    }

    /// <summary>The base URL an OpenAI client takes (<c>OPENAI_BASE_URL</c>).</summary>
    public string BaseUrl => _app.Urls.Single() + "/v1";

    /// <summary>The text answer, whole.</summary>
    public string Answer => string.Concat(_answerChunks);

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

    /// <summary>Starts a server whose text answer is <see cref="TextAnswer"/>, streamed in one chunk.</summary>
    public static Task<FakeOpenAIServer> StartAsync() => StartAsync([TextAnswer]);

    /// <summary>Starts a server whose text answer is <paramref name="answerChunks"/> put together, streamed chunk by chunk.</summary>
    public static async Task<FakeOpenAIServer> StartAsync(IReadOnlyList<string> answerChunks)
    {
        if (answerChunks.Count == 0 || answerChunks.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("The answer needs at least one chunk, and no empty one.", nameof(answerChunks));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAIServer(app, [.. answerChunks]);
        app.MapPost("/v1/chat/completions", (Delegate)server.CompleteAsync);
        await app.StartAsync();
        return server;
    }

    private async Task CompleteAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        lock (_requests)
        {
            _requests.Add((context.Request.Headers.Authorization.ToString(), body));
        }

        var model = body["model"]!.GetValue<string>();
        string[] chunks = body["response_format"] is { } format && format["type"]?.GetValue<string>() == "json_schema"
            ? [format["json_schema"]?["schema"]?["properties"]?["passed"] is null ? StructuredAnswer : BinaryAnswer]
            : _answerChunks;
        if (body["stream"]?.GetValue<bool>() != true)
        {
            var completion = Completion("chat.completion", model, new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = string.Concat(chunks) },
                ["finish_reason"] = "stop",
            });
            completion["usage"] = Usage();
            await Results.Content(completion.ToJsonString(), "application/json").ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        var includeUsage = body["stream_options"]?["include_usage"]?.GetValue<bool>() == true;
        for (var i = 0; i < chunks.Length; i++)
        {
            var delta = new JsonObject { ["content"] = chunks[i] };
            if (i == 0)
            {
                delta["role"] = "assistant";
            }

            await SendAsync(context, Chunk(model, new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = null }, includeUsage));
        }

        await SendAsync(context, Chunk(model, new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = "stop" }, includeUsage));
        if (includeUsage)
        {
            var usage = Completion("chat.completion.chunk", model, choice: null);
            usage["usage"] = Usage();
            await SendAsync(context, usage);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    /// <summary>One streamed chunk; with usage asked for, every chunk but the last carries <c>"usage": null</c>, as OpenAI's do.</summary>
    private static JsonObject Chunk(string model, JsonObject choice, bool includeUsage)
    {
        var chunk = Completion("chat.completion.chunk", model, choice);
        if (includeUsage)
        {
            chunk["usage"] = null;
        }

        return chunk;
    }

    private static JsonObject Completion(string kind, string model, JsonObject? choice) => new()
    {
        ["id"] = CompletionId,
        ["object"] = kind,
        ["created"] = Created,
        ["model"] = model,
        ["choices"] = choice is null ? new JsonArray() : new JsonArray(choice),
    };

    private static JsonObject Usage() => new()
    {
        ["prompt_tokens"] = PromptTokens,
        ["completion_tokens"] = CompletionTokens,
        ["total_tokens"] = PromptTokens + CompletionTokens,
    };

    private static async Task SendAsync(HttpContext context, JsonObject chunk)
    {
        await context.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n");
        await context.Response.Body.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
