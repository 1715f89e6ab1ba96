using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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
/// <para>
/// It calls tools by a fixed rule, so a tool-calling run works against it: when the request offers <c>tools</c> and the
/// conversation's last message is the user's, it calls each offered function whose name is a word of that message, in
/// the order offered, with the message's <c>name=value</c> words as arguments (a number, true or false as such, else a
/// string); its call ids are <c>call_fake_1</c>, <c>call_fake_2</c>, ... (no function named: its text answer). Streamed,
/// each call's name comes in one chunk and its arguments in two more, split mid-way, and the finish reason is
/// <c>tool_calls</c>. Once the last message is a <c>tool</c> message, it answers with text quoting each tool result since
/// the user's message (<see cref="ToolResultsAnswer"/>), streamed a word a chunk.
/// </para>
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
        var streamed = body["stream"]?.GetValue<bool>() == true;
        var includeUsage = body["stream_options"]?["include_usage"]?.GetValue<bool>() == true;
        var messages = body["messages"]?.AsArray() ?? [];
        if (ToolCalls(body, messages) is { Count: > 0 } calls)
        {
            await AnswerAsync(context, model, streamed, includeUsage, ToolCallMessage(calls), ToolCallDeltas(calls), "tool_calls");
            return;
        }

        string[] chunks = body["response_format"] is { } format && format["type"]?.GetValue<string>() == "json_schema"
            ? [format["json_schema"]?["schema"]?["properties"]?["passed"] is null ? StructuredAnswer : BinaryAnswer]
            : messages.LastOrDefault()?["role"]?.GetValue<string>() == "tool"
                ? Regex.Split(ToolResultsAnswer(messages), "(?<= )")
                : _answerChunks;
        var message = new JsonObject { ["role"] = "assistant", ["content"] = string.Concat(chunks) };
        var deltas = chunks.Select((chunk, i) => i == 0
            ? new JsonObject { ["role"] = "assistant", ["content"] = chunk }
            : new JsonObject { ["content"] = chunk });
        await AnswerAsync(context, model, streamed, includeUsage, message, deltas, "stop");
    }

    /// <summary>
    /// The answer once tool results are back: " "-joined "<c>name returned: result.</c>" for each <c>tool</c> message
    /// after the last user message, the name from the assistant's call with that <c>tool_call_id</c>.
    /// </summary>
    private static string ToolResultsAnswer(JsonArray messages)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = new List<string>();
        foreach (var message in messages.Skip(messages.ToList().FindLastIndex(m => m?["role"]?.GetValue<string>() == "user") + 1))
        {
            foreach (var call in message?["tool_calls"]?.AsArray() ?? [])
            {
                names[call!["id"]!.GetValue<string>()] = call["function"]!["name"]!.GetValue<string>();
            }

            if (message?["role"]?.GetValue<string>() == "tool")
            {
                var id = message["tool_call_id"]!.GetValue<string>();
                results.Add($"{names.GetValueOrDefault(id, id)} returned: {Text(message["content"])}.");
            }
        }

        return string.Join(" ", results);
    }

    /// <summary>A message's content, a string or an array of text parts, as one text.</summary>
    private static string Text(JsonNode? content) => content switch
    {
        JsonArray parts => string.Concat(parts.Select(part => part?["text"]?.GetValue<string>())),
        null => string.Empty,
        _ => content.GetValue<string>(),
    };

    /// <summary>The calls the rule in the summary makes: (id, name, arguments as JSON).</summary>
    private static List<(string Id, string Name, string Arguments)> ToolCalls(JsonObject body, JsonArray messages)
    {
        var calls = new List<(string, string, string)>();
        if (body["tools"] is not JsonArray { Count: > 0 } tools || messages.LastOrDefault() is not { } last || last["role"]?.GetValue<string>() != "user")
        {
            return calls;
        }

        var words = Text(last["content"]).Split(' ', '\t', '\n').Select(word => word.TrimEnd(',', '.', ';', ':', '!', '?')).ToList();
        var arguments = new JsonObject();
        foreach (var word in words)
        {
            if (word.IndexOf('=') is > 0 and var equals)
            {
                arguments[word[..equals]] = Argument(word[(equals + 1)..]);
            }
        }

        foreach (var name in tools.Select(tool => tool?["function"]?["name"]?.GetValue<string>()))
        {
            if (name is not null && words.Contains(name))
            {
                calls.Add(($"call_fake_{calls.Count + 1}", name, arguments.ToJsonString()));
            }
        }

        return calls;
    }

    /// <summary>An argument's value: a JSON number, true or false as such, anything else a string.</summary>
    private static JsonValue Argument(string value)
    {
        try
        {
            return JsonNode.Parse(value) is JsonValue literal && literal.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                ? literal
                : JsonValue.Create(value);
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }

    private static JsonObject ToolCallMessage(List<(string Id, string Name, string Arguments)> calls) => new()
    {
        ["role"] = "assistant",
        ["content"] = null,
        ["tool_calls"] = new JsonArray([.. calls.Select(call => (JsonNode)new JsonObject
        {
            ["id"] = call.Id,
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
        })]),
    };

    /// <summary>Each call streamed as OpenAI streams it: its id and name with no arguments yet, then its arguments in two halves.</summary>
    private static IEnumerable<JsonObject> ToolCallDeltas(List<(string Id, string Name, string Arguments)> calls)
    {
        for (var i = 0; i < calls.Count; i++)
        {
            var (id, name, arguments) = calls[i];
            var start = new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = i,
                    ["id"] = id,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = name, ["arguments"] = string.Empty },
                }),
            };
            if (i == 0)
            {
                start["role"] = "assistant";
            }

            yield return start;
            foreach (var part in new[] { arguments[..(arguments.Length / 2)], arguments[(arguments.Length / 2)..] })
            {
                yield return new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = part } }),
                };
            }
        }
    }

    /// <summary>
    /// The answer: one <c>chat.completion</c> with <paramref name="message"/>, or, streamed, a chunk for each delta, a
    /// last one with the finish reason, the usage when asked for, then <c>[DONE]</c>.
    /// </summary>
    private static async Task AnswerAsync(HttpContext context, string model, bool streamed, bool includeUsage, JsonObject message, IEnumerable<JsonObject> deltas, string finishReason)
    {
        if (!streamed)
        {
            var completion = Completion("chat.completion", model, new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["finish_reason"] = finishReason,
            });
            completion["usage"] = Usage();
            await Results.Content(completion.ToJsonString(), "application/json").ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        foreach (var delta in deltas)
        {
            await SendAsync(context, Chunk(model, new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = null }, includeUsage));
        }

        await SendAsync(context, Chunk(model, new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = finishReason }, includeUsage));
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
