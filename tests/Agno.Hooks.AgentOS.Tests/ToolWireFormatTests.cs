using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Sessions;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>
/// Tool calls in Agno's wire format, on Kestrel: the <c>ToolCall…</c> events (<c>TeamToolCall…</c> for a team's leader)
/// with their <c>ToolExecution</c>, and <c>tools</c> on the JSON answer, on <c>RunCompleted</c> and on a session's runs.
/// The offline model calls the tools a message names, with its <c>name=value</c> pairs.
/// </summary>
public sealed class ToolWireFormatTests
{
    private const string WeatherMessage = "get_weather city=Paris";

    private static readonly string[] StartedToolKeys = ["tool_call_id", "tool_name", "tool_args", "created_at"];
    private static readonly string[] EndedToolKeys = ["tool_call_id", "tool_name", "tool_args", "tool_call_error", "result", "metrics", "created_at"];

    [Fact]
    public async Task A_streamed_tool_call_starts_without_a_result_then_completes_with_result_metrics_and_content()
    {
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(WeatherAgent(Weather())));
        var before = DateTimeOffset.UtcNow;

        var frames = await StreamAsync(server, "/agents/weather/runs", WeatherMessage);

        EventsOf(frames).ShouldBe(["RunStarted", "ToolCallStarted", "ToolCallCompleted", "RunContentCompleted", "RunCompleted"]);
        var runId = frames[0].Data["run_id"]!.GetValue<string>();

        var started = frames.Single(f => f.Event == "ToolCallStarted").Data;
        started.Select(p => p.Key).ShouldBe(["created_at", "event", "agent_id", "agent_name", "run_id", "session_id", "nested_depth", "tool"]);
        started["agent_id"]!.GetValue<string>().ShouldBe("weather");
        started["run_id"]!.GetValue<string>().ShouldBe(runId);
        started["nested_depth"]!.GetValue<int>().ShouldBe(0);
        var startedTool = started["tool"]!.AsObject();
        startedTool.Select(p => p.Key).ShouldBe(StartedToolKeys);
        startedTool["tool_call_id"]!.GetValue<string>().ShouldBe("call_1");
        startedTool["tool_name"]!.GetValue<string>().ShouldBe("get_weather");
        JsonNode.DeepEquals(startedTool["tool_args"], new JsonObject { ["city"] = "Paris" }).ShouldBeTrue(startedTool.ToJsonString());
        startedTool["created_at"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
        startedTool["created_at"]!.GetValue<long>().ShouldBeInRange(before.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        var completed = frames.Single(f => f.Event == "ToolCallCompleted").Data;
        completed.Select(p => p.Key).ShouldBe(["created_at", "event", "agent_id", "agent_name", "run_id", "session_id", "nested_depth", "content", "tool"]);
        completed["content"]!.GetValue<string>().ShouldBe("Sunny in Paris");
        var tool = completed["tool"]!.AsObject();
        tool.Select(p => p.Key).ShouldBe(EndedToolKeys);
        tool["tool_call_id"]!.GetValue<string>().ShouldBe("call_1");
        tool["tool_name"]!.GetValue<string>().ShouldBe("get_weather");
        JsonNode.DeepEquals(tool["tool_args"], startedTool["tool_args"]).ShouldBeTrue();
        tool["tool_call_error"]!.GetValue<bool>().ShouldBeFalse();
        tool["result"]!.GetValue<string>().ShouldBe("Sunny in Paris");
        tool["created_at"]!.GetValue<long>().ShouldBe(startedTool["created_at"]!.GetValue<long>());
        ShouldBeRanMetrics(tool, before);

        // The answer quotes the result: the model got it.
        var runCompleted = frames[^1].Data;
        runCompleted["content"]!.GetValue<string>().ShouldContain("Sunny in Paris");
    }

    [Fact]
    public async Task RunCompleted_carries_the_runs_tools_as_the_completed_events_told_them()
    {
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(WeatherAgent(Weather(), Clock())));

        var frames = await StreamAsync(server, "/agents/weather/runs", "get_weather get_time city=Oslo");

        EventsOf(frames).ShouldBe(["RunStarted", "ToolCallStarted", "ToolCallStarted", "ToolCallCompleted", "ToolCallCompleted", "RunContentCompleted", "RunCompleted"]);
        var completedTools = frames.Where(f => f.Event == "ToolCallCompleted").Select(f => f.Data["tool"]!).ToList();
        var tools = frames[^1].Data["tools"]!.AsArray();
        tools.Count.ShouldBe(2);
        tools.Select(t => t!["tool_name"]!.GetValue<string>()).ShouldBe(["get_weather", "get_time"]);
        tools.Select(t => t!["tool_call_id"]!.GetValue<string>()).ShouldBe(["call_1", "call_2"]);
        tools.Select(t => t!["result"]!.GetValue<string>()).ShouldBe(["Sunny in Oslo", "noon"]);
        for (var i = 0; i < tools.Count; i++)
        {
            JsonNode.DeepEquals(tools[i], completedTools[i]).ShouldBeTrue($"{tools[i]!.ToJsonString()} vs {completedTools[i].ToJsonString()}");
        }

        frames.Where(f => f.Event != "RunCompleted").ShouldAllBe(f => !f.Data.ContainsKey("tools"));
    }

    [Fact]
    public async Task A_failing_tool_completes_with_tool_call_error_then_errs_with_error_and_its_exception_stays_in_the_log()
    {
        var broken = AIFunctionFactory.Create((string city) => ThrowingWeather(city), "get_weather");
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(WeatherAgent(broken)));

        using var response = await server.Client.PostAsync("/agents/weather/runs", AgentOSServer.Form(("message", WeatherMessage)));
        var body = await response.Content.ReadAsStringAsync();
        var frames = ServerSentEventFrames.Parse(body);

        // As Agno: ToolCallCompleted (with tool_call_error) and then ToolCallError.
        EventsOf(frames).ShouldBe(["RunStarted", "ToolCallStarted", "ToolCallCompleted", "ToolCallError", "RunContentCompleted", "RunCompleted"]);
        var completed = frames.Single(f => f.Event == "ToolCallCompleted").Data;
        completed["content"]!.GetValue<string>().ShouldBe("The tool failed.");
        var error = frames.Single(f => f.Event == "ToolCallError").Data;
        error.Select(p => p.Key).ShouldBe(["created_at", "event", "agent_id", "agent_name", "run_id", "session_id", "nested_depth", "tool", "error"]);
        error["error"]!.GetValue<string>().ShouldBe("The tool failed.");
        foreach (var tool in new[] { completed["tool"]!.AsObject(), error["tool"]!.AsObject() })
        {
            tool.Select(p => p.Key).ShouldBe(EndedToolKeys);
            tool["tool_name"]!.GetValue<string>().ShouldBe("get_weather");
            tool["tool_call_error"]!.GetValue<bool>().ShouldBeTrue();
            tool["result"]!.GetValue<string>().ShouldBe("The tool failed.");
        }

        JsonNode.DeepEquals(frames[^1].Data["tools"]![0], error["tool"]).ShouldBeTrue();
        body.ShouldNotContain("database is down", customMessage: "the exception's text goes to the log, not to the client");
    }

    [Fact]
    public async Task A_team_leaders_tool_calls_have_the_Team_names_and_a_members_keep_the_agent_names()
    {
        var member = new Agent("researcher") { Model = new OfflineChatClient(), Name = "Researcher" };
        member.Tools.Add(AIFunctionFactory.Create((string city) => $"Population of {city}: 2 million", "lookup"));
        var team = new Team("weather-team") { Model = new OfflineChatClient(), Name = "Weather Team" };
        team.Members.Add(member);
        team.Tools.Add(Weather());
        team.Tools.Add(AIFunctionFactory.Create((string city) => ThrowingWeather(city), "get_forecast"));
        await using var server = await AgentOSServer.StartAsync(os => os.Teams.Add(team));

        // The value quoted: the leader's prompt has the member's answer, which quotes the message, and a bare value there
        // would take the closing quote (the offline model takes a name's last value).
        var frames = await StreamAsync(server, "/teams/weather-team/runs", "lookup get_weather get_forecast city=\"Paris\"");

        EventsOf(frames).ShouldBe([
            "TeamRunStarted",
            "RunStarted", "ToolCallStarted", "ToolCallCompleted", "RunContentCompleted", "RunCompleted",
            "TeamToolCallStarted", "TeamToolCallStarted", "TeamToolCallCompleted", "TeamToolCallCompleted", "TeamToolCallError",
            "TeamRunContentCompleted", "TeamRunCompleted",
        ]);
        var memberCall = frames.Single(f => f.Event == "ToolCallCompleted" && f.Data["agent_id"]?.GetValue<string>() == "researcher").Data;
        memberCall["nested_depth"]!.GetValue<int>().ShouldBe(1);
        memberCall["tool"]!["tool_name"]!.GetValue<string>().ShouldBe("lookup");

        var leaderEvents = frames.Where(f => f.Event.StartsWith("TeamToolCall", StringComparison.Ordinal)).Select(f => f.Data).ToList();
        foreach (var leaderEvent in leaderEvents)
        {
            leaderEvent["team_id"]!.GetValue<string>().ShouldBe("weather-team");
            leaderEvent["team_name"]!.GetValue<string>().ShouldBe("Weather Team");
            leaderEvent.ContainsKey("agent_id").ShouldBeFalse();
            leaderEvent["nested_depth"]!.GetValue<int>().ShouldBe(0);
        }

        leaderEvents[0]["tool"]!.AsObject().Select(p => p.Key).ShouldBe(StartedToolKeys);
        leaderEvents[2]["tool"]!["result"]!.GetValue<string>().ShouldBe("Sunny in Paris");
        leaderEvents[2]["content"]!.GetValue<string>().ShouldBe("Sunny in Paris");
        leaderEvents[3]["tool"]!["tool_call_error"]!.GetValue<bool>().ShouldBeTrue();
        leaderEvents[4]["tool"]!["tool_name"]!.GetValue<string>().ShouldBe("get_forecast");
        leaderEvents[4]["error"]!.GetValue<string>().ShouldBe("The tool failed.");

        // The team's tools are its leader's; its member's are on the member's response.
        frames[^1].Data["tools"]!.AsArray().Select(t => t!["tool_name"]!.GetValue<string>()).ShouldBe(["get_weather", "get_forecast"]);
        frames.Single(f => f.Event == "RunCompleted").Data["tools"]!.AsArray().Select(t => t!["tool_name"]!.GetValue<string>()).ShouldBe(["lookup"]);
    }

    [Fact]
    public async Task The_JSON_answer_has_tools_with_Agnos_keys_and_its_members_have_theirs()
    {
        var member = new Agent("researcher") { Model = new OfflineChatClient() };
        member.Tools.Add(AIFunctionFactory.Create((string city) => $"Population of {city}: 2 million", "lookup"));
        var team = new Team("weather-team") { Model = new OfflineChatClient() };
        team.Members.Add(member);
        team.Tools.Add(Weather());
        await using var server = await AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(WeatherAgent(Weather()));
            os.Teams.Add(team);
        });
        var before = DateTimeOffset.UtcNow;

        var run = await SessionClient.RunAsync(server, WeatherMessage, path: "/agents/weather/runs");

        run.Select(p => p.Key).ShouldContain("tools");
        var tool = run["tools"]!.AsArray().Single()!.AsObject();
        tool.Select(p => p.Key).ShouldBe(EndedToolKeys);
        tool["tool_call_id"]!.GetValue<string>().ShouldBe("call_1");
        tool["tool_name"]!.GetValue<string>().ShouldBe("get_weather");
        JsonNode.DeepEquals(tool["tool_args"], new JsonObject { ["city"] = "Paris" }).ShouldBeTrue();
        tool["tool_call_error"]!.GetValue<bool>().ShouldBeFalse();
        tool["result"]!.GetValue<string>().ShouldBe("Sunny in Paris");
        ShouldBeRanMetrics(tool, before);

        var teamRun = await SessionClient.RunAsync(server, "lookup get_weather city=\"Rome\"", path: "/teams/weather-team/runs"); // quoted: see the streamed team test
        teamRun["tools"]!.AsArray().Select(t => (t!["tool_name"]!.GetValue<string>(), t["result"]!.GetValue<string>())).ShouldBe([("get_weather", "Sunny in Rome")]);
        var memberTools = teamRun["member_responses"]![0]!["tools"]!.AsArray();
        memberTools.Select(t => (t!["tool_name"]!.GetValue<string>(), t["result"]!.GetValue<string>())).ShouldBe([("lookup", "Population of Rome: 2 million")]);
    }

    [Fact]
    public async Task A_call_past_the_tool_call_limit_is_an_error_without_metrics_as_it_never_ran()
    {
        var clockRan = 0;
        var clock = AIFunctionFactory.Create(() =>
        {
            Interlocked.Increment(ref clockRan);
            return "noon";
        }, "get_time");
        var agent = new Agent("weather") { Model = new OfflineChatClient(), ToolCallLimit = 1 };
        agent.Tools.Add(Weather());
        agent.Tools.Add(clock);
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(agent));

        var run = await SessionClient.RunAsync(server, "get_weather get_time city=Paris", path: "/agents/weather/runs");

        clockRan.ShouldBe(0);
        var tools = run["tools"]!.AsArray();
        tools.Count.ShouldBe(2);
        tools[0]!.AsObject().Select(p => p.Key).ShouldBe(EndedToolKeys);
        var refused = tools[1]!.AsObject();
        refused.Select(p => p.Key).ShouldBe(["tool_call_id", "tool_name", "tool_args", "tool_call_error", "result", "created_at"]);
        refused["tool_name"]!.GetValue<string>().ShouldBe("get_time");
        refused["tool_call_error"]!.GetValue<bool>().ShouldBeTrue();
        refused["result"]!.GetValue<string>().ShouldStartWith("Tool call limit reached");
    }

    [Fact]
    public async Task A_sessions_runs_carry_their_tools_as_the_answers_did_and_a_run_without_calls_has_none()
    {
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(WeatherAgent(Weather())));

        var answered = await SessionClient.RunAsync(server, WeatherMessage, sessionId: "s-tools", path: "/agents/weather/runs");
        var frames = await StreamAsync(server, "/agents/weather/runs", "get_weather city=Lima", ("session_id", "s-tools"));
        await SessionClient.RunAsync(server, "No tools this time", sessionId: "s-tools", path: "/agents/weather/runs");

        var runs = (await SessionClient.GetAsync(server, "/sessions/s-tools/runs")).AsArray();
        runs.Count.ShouldBe(3);
        JsonNode.DeepEquals(runs[0]!["tools"], answered["tools"]).ShouldBeTrue($"{runs[0]!["tools"]!.ToJsonString()} vs {answered["tools"]!.ToJsonString()}");
        JsonNode.DeepEquals(runs[1]!["tools"], frames[^1].Data["tools"]).ShouldBeTrue($"{runs[1]!["tools"]!.ToJsonString()} vs {frames[^1].Data["tools"]!.ToJsonString()}");
        runs[1]!["tools"]![0]!["result"]!.GetValue<string>().ShouldBe("Sunny in Lima");
        runs[2]!.AsObject().ContainsKey("tools").ShouldBeFalse();

        var runId = answered["run_id"]!.GetValue<string>();
        var one = await SessionClient.GetAsync(server, $"/sessions/s-tools/runs/{runId}");
        JsonNode.DeepEquals(one["tools"], answered["tools"]).ShouldBeTrue();

        var session = await SessionClient.GetAsync(server, "/sessions/s-tools");
        JsonNode.DeepEquals(session["runs"], runs).ShouldBeTrue();
    }

    [Fact]
    public async Task A_stored_runs_tools_survive_a_JSON_round_trip_as_a_durable_store_would_keep_them()
    {
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(WeatherAgent(Weather())));
        await SessionClient.RunAsync(server, WeatherMessage, sessionId: "s-durable", path: "/agents/weather/runs");
        var store = server.App.Services.GetRequiredService<ISessionStore>();
        var stored = (await store.GetAsync("s-durable")).ShouldNotBeNull().Runs.Single();

        var restored = JsonSerializer.Deserialize<SessionRunRecord>(JsonSerializer.Serialize(stored)).ShouldNotBeNull();

        var call = stored.Tools.Single();
        var back = restored.Tools.Single();
        (back.ToolCallId, back.ToolName, back.Result, back.ToolCallError, back.CreatedAt, back.StartedAt, back.Duration)
            .ShouldBe((call.ToolCallId, call.ToolName, call.Result, call.ToolCallError, call.CreatedAt, call.StartedAt, call.Duration));
        back.ToolArgs.ShouldNotBeNull().GetRawText().ShouldBe("""{"city":"Paris"}""");
        JsonNode.DeepEquals(Wire(restored), Wire(stored)).ShouldBeTrue();
    }

    /// <summary>A stored run as <c>GET /sessions/{id}/runs</c> writes it.</summary>
    private static JsonNode? Wire(SessionRunRecord run) => JsonSerializer.SerializeToNode(SessionWireFormat.Run(run), SessionJsonContext.Wire.SessionRunResponse);

    private static Agent WeatherAgent(params AIFunction[] tools)
    {
        var agent = new Agent("weather") { Model = new OfflineChatClient(), Name = "Weather" };
        foreach (var tool in tools)
        {
            agent.Tools.Add(tool);
        }

        return agent;
    }

    private static AIFunction Weather() => AIFunctionFactory.Create((string city) => $"Sunny in {city}", "get_weather");

    private static AIFunction Clock() => AIFunctionFactory.Create(() => "noon", "get_time");

    private static string ThrowingWeather(string city) => throw new InvalidOperationException($"The database is down for {city}");

    /// <summary>Agno's <c>ToolCallMetrics</c> of a call that ran: Unix start and end times, and the duration between them.</summary>
    private static void ShouldBeRanMetrics(JsonObject tool, DateTimeOffset before)
    {
        var metrics = tool["metrics"]!.AsObject();
        metrics.Select(p => p.Key).ShouldBe(["start_time", "end_time", "duration"]);
        metrics.ShouldAllBe(p => p.Value!.GetValueKind() == JsonValueKind.Number);
        var start = metrics["start_time"]!.GetValue<double>();
        var end = metrics["end_time"]!.GetValue<double>();
        var duration = metrics["duration"]!.GetValue<double>();
        duration.ShouldBeGreaterThanOrEqualTo(0);
        (end - start).ShouldBe(duration, tolerance: 1e-3);
        start.ShouldBeGreaterThanOrEqualTo(tool["created_at"]!.GetValue<long>());
        start.ShouldBeGreaterThanOrEqualTo(before.ToUnixTimeMilliseconds() / 1000.0 - 0.001);
        end.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 + 0.001);
    }

    private static async Task<List<ServerSentEventFrame>> StreamAsync(AgentOSServer server, string path, string message, params (string Name, string Value)[] fields)
    {
        using var response = await server.Client.PostAsync(path, AgentOSServer.Form([("message", message), .. fields]));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return ServerSentEventFrames.Parse(body);
    }

    /// <summary>The events' names without the content deltas (how many there are is the model's business).</summary>
    private static List<string> EventsOf(List<ServerSentEventFrame> frames) =>
        frames.Select(f => f.Event).Where(name => name is not ("RunContent" or "TeamRunContent")).ToList();
}
