using System.Net;
using System.Text.Json.Nodes;

namespace Agno.Hooks.Examples.Tests.Infrastructure;

/// <summary>
/// The seed's request against a running example, and the checks every example shares: 200 with the run's JSON,
/// background hooks finishing only after the response, and a SIGTERM stop that abandons no hook.
/// </summary>
internal static class ExampleRun
{
    /// <summary>What the server logs once the whole response is with the client's connection (RunEndpoint).</summary>
    public const string ResponseSent = "response sent.";

    /// <summary>
    /// The README's <c>curl -X POST {path} -F "message=..." -F "stream=false"</c>, as multipart form data: returns
    /// the run, and how many log lines had arrived when the client had the whole response.
    /// </summary>
    public static Task<(JsonObject Run, int LinesAtResponse)> PostReadmeRequestAsync(ExampleProcess example, string readme)
    {
        var (path, message) = ReadmeCommands.Curl(readme);
        return PostAsync(example, path, message);
    }

    /// <summary><see cref="SendAsync"/>, for a run that must complete with content.</summary>
    public static async Task<(JsonObject Run, int LinesAtResponse)> PostAsync(ExampleProcess example, string path, string message, string? sessionId = null)
    {
        var (run, linesAtResponse) = await SendAsync(example, path, message, sessionId);
        run["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        run["content"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        return (run, linesAtResponse);
    }

    /// <summary>
    /// <c>curl -X POST {path} -F "message=..." -F "stream=false"</c>: 200 with the run's JSON, whatever its status, and
    /// how many log lines had arrived when the client had the whole response.
    /// </summary>
    public static async Task<(JsonObject Run, int LinesAtResponse)> SendAsync(ExampleProcess example, string path, string message, string? sessionId = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(message), "message" }, { new StringContent("false"), "stream" } };
        if (sessionId is not null)
        {
            form.Add(new StringContent(sessionId), "session_id");
        }

        using var response = await example.Client.PostAsync(path, form);
        var body = await response.Content.ReadAsStringAsync();
        var linesAtResponse = example.LineCount;

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return (JsonNode.Parse(body)!.AsObject(), linesAtResponse);
    }

    /// <summary>
    /// <c>curl -N -X POST {path} -F "message=..."</c> (no <c>stream</c> field: Agno's default, server-sent events): every
    /// event of the stream, in order, as its name and its data.
    /// </summary>
    public static async Task<IReadOnlyList<(string Event, JsonObject Data)>> StreamAsync(ExampleProcess example, string path, string message)
    {
        using var form = new MultipartFormDataContent { { new StringContent(message), "message" } };
        using var response = await example.Client.PostAsync(path, form);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");

        // Agno's frames: "event: <Name>\ndata: <one-line JSON>\n\n".
        var events = new List<(string Event, JsonObject Data)>();
        foreach (var frame in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = frame.Split('\n');
            lines.Length.ShouldBe(2, $"one event and one data line:\n{frame}");
            lines[0].ShouldStartWith("event: ");
            lines[1].ShouldStartWith("data: ");
            var data = JsonNode.Parse(lines[1]["data: ".Length..])!.AsObject();
            var name = lines[0]["event: ".Length..];
            data["event"]!.GetValue<string>().ShouldBe(name);
            events.Add((name, data));
        }

        return events;
    }

    /// <summary>
    /// The agent-as-judge's verdict line on run <paramref name="runId"/> (<c>Evaluation '{name}' of run '{runId}': passed
    /// ...</c>, logged by <c>AgentAsJudgeEval</c>) comes after the line that logged that run's response as sent: the judge
    /// ran after the response. Returns the verdict line.
    /// </summary>
    public static async Task<string> JudgedAfterTheResponseAsync(ExampleProcess example, string runId, string evaluationName)
    {
        var sent = await example.WaitForLineAsync(line => line.Contains($"run '{runId}'", StringComparison.Ordinal) && line.Contains(ResponseSent, StringComparison.Ordinal));
        var judged = await example.WaitForLineAsync($"Evaluation '{evaluationName}' of run '{runId}': passed ");
        judged.ShouldBeGreaterThan(sent, $"the judge ran after run {runId}'s response was sent:\n{example.Output}");
        return example.Line(judged);
    }

    /// <summary><c>GET /eval-runs</c>: the judge's verdicts in Agno's <c>EvalSchema</c> shape, newest first.</summary>
    public static async Task<JsonArray> EvalRunsAsync(ExampleProcess example)
    {
        using var response = await example.Client.GetAsync("/eval-runs");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["data"]!.AsArray();
    }

    /// <summary>
    /// Sends SIGTERM at once, while the slow hooks still run, then checks that every hook finished after the
    /// response and that the host drained them all (<paramref name="expectedExecutions"/>, or one per hook) before exiting.
    /// </summary>
    public static async Task StopWhileHooksRunAsync(ExampleProcess example, int linesAtResponse, string[] hooks, string[] slowHooks, int? expectedExecutions = null)
    {
        var stopped = StopsWithoutAbandoningAsync(example, expectedExecutions ?? hooks.Length);
        await HooksFinishAfterTheResponseAsync(example, linesAtResponse, hooks, slowHooks);
        await stopped;
    }

    /// <summary>
    /// Each hook's "[Hook] end" line comes after the server logged the response as sent (the order the server
    /// guarantees); a hook that takes time (<paramref name="slowHooks"/>) had not finished when the client had
    /// its answer either.
    /// </summary>
    public static async Task HooksFinishAfterTheResponseAsync(ExampleProcess example, int linesAtResponse, string[] hooks, string[] slowHooks)
    {
        var sent = await example.WaitForLineAsync(ResponseSent);
        foreach (var hook in hooks)
        {
            var finished = await example.WaitForLineAsync($"[{hook}] end");
            finished.ShouldBeGreaterThan(sent, $"{hook} finished after the response was sent:\n{example.Output}");
            if (slowHooks.Contains(hook))
            {
                finished.ShouldBeGreaterThanOrEqualTo(linesAtResponse, $"{hook} was still running when the client had its answer:\n{example.Output}");
            }
        }
    }

    /// <summary>SIGTERM: the process exits cleanly, having drained every queued hook (none abandoned).</summary>
    public static async Task StopsWithoutAbandoningAsync(ExampleProcess example, int expectedExecutions)
    {
        var exitCode = await example.StopAsync();

        exitCode.ShouldBe(0, example.Output);
        example.Output.ShouldContain($"{expectedExecutions} executions finished, none abandoned.");
        example.Output.ShouldNotContain("abandoned at shutdown");
        example.Output.ShouldNotContain("fail:");
    }
}
