using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.OpenAI.Tests.Support;

/// <summary>
/// OpenAI's <c>POST /v1/moderations</c> on loopback Kestrel, answering with the categories a test sets
/// (<see cref="Flag"/>), and recording what it was sent so a test can see the real OpenAI client's requests.
/// </summary>
internal sealed class FakeModerationServer : IAsyncDisposable
{
    public static readonly string[] Categories =
    [
        "sexual", "sexual/minors", "harassment", "harassment/threatening", "hate", "hate/threatening", "illicit",
        "illicit/violent", "self-harm", "self-harm/intent", "self-harm/instructions", "violence", "violence/graphic",
    ];

    private readonly WebApplication _app;
    private readonly List<(string Authorization, JsonObject Body)> _requests = [];
    private volatile string[] _flagged = [];
    private volatile int _status = StatusCodes.Status200OK;

    private FakeModerationServer(WebApplication app) => _app = app;

    /// <summary>The base URL an OpenAI client takes.</summary>
    public Uri BaseUrl => new(_app.Urls.Single() + "/v1");

    public IReadOnlyList<(string Authorization, JsonObject Body)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The next answers flag these categories (none: not flagged).</summary>
    public void Flag(params string[] categories) => _flagged = categories;

    /// <summary>The next answers fail with this status and an OpenAI error body.</summary>
    public void FailWith(int status) => _status = status;

    public static async Task<FakeModerationServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeModerationServer(app);
        app.MapPost("/v1/moderations", (Delegate)server.ModerateAsync);
        await app.StartAsync();
        return server;
    }

    private async Task<IResult> ModerateAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        lock (_requests)
        {
            _requests.Add((context.Request.Headers.Authorization.ToString(), body));
        }

        if (_status != StatusCodes.Status200OK)
        {
            var error = new JsonObject { ["error"] = new JsonObject { ["message"] = "Incorrect API key provided.", ["type"] = "invalid_request_error" } };
            return Results.Content(error.ToJsonString(), "application/json", statusCode: _status);
        }

        var flagged = _flagged;
        var categories = new JsonObject();
        var scores = new JsonObject();
        var inputTypes = new JsonObject();
        foreach (var category in Categories)
        {
            categories[category] = flagged.Contains(category);
            scores[category] = flagged.Contains(category) ? 0.91 : 0.01;
            inputTypes[category] = new JsonArray("text");
        }

        var answer = new JsonObject
        {
            ["id"] = "modr-fake",
            ["model"] = body["model"]!.GetValue<string>(),
            ["results"] = new JsonArray(new JsonObject
            {
                ["flagged"] = flagged.Length > 0,
                ["categories"] = categories,
                ["category_scores"] = scores,
                ["category_applied_input_types"] = inputTypes,
            }),
        };
        return Results.Content(answer.ToJsonString(), "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
