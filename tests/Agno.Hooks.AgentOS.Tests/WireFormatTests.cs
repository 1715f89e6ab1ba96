using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Tests.Infrastructure;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>The run endpoint speaks Agno's wire format: form fields in, JSON keys and SSE frames out.</summary>
public sealed class WireFormatTests
{
    [Fact]
    public async Task Non_streaming_run_has_Agnos_keys_and_value_types_and_no_nulls()
    {
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(new Agent("echo") { Model = new OfflineChatClient(), Name = "Echo", Instructions = "Be brief." }));

        using var response = await server.Client.PostAsync("/agents/echo/runs", AgentOSServer.Form(
            ("message", "Hello!"), ("stream", "false"), ("session_id", "s-1"), ("user_id", "u-1"), ("metadata", """{"source":"test"}""")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var run = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        run.Select(p => p.Key).ShouldBe(
            ["run_id", "agent_id", "agent_name", "session_id", "user_id", "content", "content_type", "model", "model_provider", "created_at", "status", "metrics", "metadata", "messages", "input"],
            ignoreOrder: true);
        run.ShouldAllBe(p => p.Value != null);
        Guid.TryParse(run["run_id"]!.GetValue<string>(), out _).ShouldBeTrue();
        run["agent_id"]!.GetValue<string>().ShouldBe("echo");
        run["agent_name"]!.GetValue<string>().ShouldBe("Echo");
        run["session_id"]!.GetValue<string>().ShouldBe("s-1");
        run["user_id"]!.GetValue<string>().ShouldBe("u-1");
        run["content"]!.GetValue<string>().ShouldContain("Hello!");
        run["content_type"]!.GetValue<string>().ShouldBe("str");
        run["model"]!.GetValue<string>().ShouldBe(OfflineChatClient.DefaultModelId);
        run["model_provider"]!.GetValue<string>().ShouldBe(OfflineChatClient.ProviderName);
        run["created_at"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
        run["created_at"]!.GetValue<long>().ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());
        run["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        run["metadata"]!["source"]!.GetValue<string>().ShouldBe("test");
        run["input"]!["input_content"]!.GetValue<string>().ShouldBe("Hello!");

        var metrics = run["metrics"]!.AsObject();
        metrics["input_tokens"]!.GetValue<long>().ShouldBeGreaterThan(0);
        metrics["output_tokens"]!.GetValue<long>().ShouldBeGreaterThan(0);
        metrics["total_tokens"]!.GetValue<long>().ShouldBe(metrics["input_tokens"]!.GetValue<long>() + metrics["output_tokens"]!.GetValue<long>());
        metrics["duration"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
        metrics.ContainsKey("time_to_first_token").ShouldBeFalse("a run that did not stream has no time to first token");

        var messages = run["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), m["content"]!.GetValue<string>())).ToList();
        messages.ShouldBe([("system", "Be brief."), ("user", "Hello!"), ("assistant", run["content"]!.GetValue<string>())]);
    }

    [Fact]
    public async Task Optional_fields_are_left_out_and_an_empty_session_id_becomes_a_uuid()
    {
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(new Agent("echo") { Model = new OfflineChatClient() }));

        using var response = await server.Client.PostAsync("/agents/echo/runs", AgentOSServer.Form(("message", "Hi"), ("stream", "false"), ("session_id", "")));

        var run = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        run.ContainsKey("agent_name").ShouldBeFalse();
        run.ContainsKey("user_id").ShouldBeFalse();
        run.ContainsKey("metadata").ShouldBeFalse();
        Guid.TryParse(run["session_id"]!.GetValue<string>(), out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Url_encoded_form_works_and_extra_fields_reach_the_run_with_booleans_parsed()
    {
        RunContext? seen = null;
        var agent = new Agent("echo") { Model = new OfflineChatClient() };
        agent.PreHooks.Add(TestHooks.Pre("Capture", context =>
        {
            seen = context.Run.Clone();
            return default;
        }));
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(agent));

        using var response = await server.Client.PostAsync("/agents/echo/runs", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["message"] = "Hi",
            ["stream"] = "false",
            ["session_state"] = """{"step":2}""",
            ["debug_mode"] = "true",
            ["quiet"] = "false",
            ["tone"] = "formal",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        seen.ShouldNotBeNull();
        seen.SessionState["step"]!.GetValue<int>().ShouldBe(2);
        seen.Arguments["debug_mode"]!.GetValue<bool>().ShouldBeTrue();
        seen.Arguments["quiet"]!.GetValue<bool>().ShouldBeFalse();
        seen.Arguments["tone"]!.GetValue<string>().ShouldBe("formal");
        seen.Arguments.ContainsKey("message").ShouldBeFalse();
        seen.Arguments.ContainsKey("session_state").ShouldBeFalse();
    }

    [Fact]
    public async Task Streaming_is_the_default_and_a_plain_run_has_Agnos_events_in_order()
    {
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(new Agent("echo") { Model = new OfflineChatClient(), Name = "Echo" }));

        using var response = await server.Client.PostAsync("/agents/echo/runs", AgentOSServer.Form(("message", "Hello there, how are you today?")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var frames = ServerSentEventFrames.Parse(await response.Content.ReadAsStringAsync());
        Collapse(frames).ShouldBe(["RunStarted", "RunContent*", "RunContentCompleted", "RunCompleted"]);
        frames.Count(f => f.Event == "RunContent").ShouldBeGreaterThan(1, "the offline model streams in chunks");

        var runId = frames[0].Data["run_id"]!.GetValue<string>();
        foreach (var frame in frames)
        {
            frame.Data["agent_id"]!.GetValue<string>().ShouldBe("echo");
            frame.Data["agent_name"]!.GetValue<string>().ShouldBe("Echo");
            frame.Data["run_id"]!.GetValue<string>().ShouldBe(runId);
            frame.Data["session_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
            frame.Data["nested_depth"]!.GetValue<int>().ShouldBe(0);
            frame.Data["created_at"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
            frame.Data.ShouldAllBe(p => p.Value != null);
        }

        frames[0].Data["model"]!.GetValue<string>().ShouldBe(OfflineChatClient.DefaultModelId);
        frames[0].Data["model_provider"]!.GetValue<string>().ShouldBe(OfflineChatClient.ProviderName);
        var deltas = string.Concat(frames.Where(f => f.Event == "RunContent").Select(f => f.Data["content"]!.GetValue<string>()));
        frames.Where(f => f.Event == "RunContent").ShouldAllBe(f => f.Data["content_type"]!.GetValue<string>() == "str");
        var completed = frames[^1].Data;
        completed["content"]!.GetValue<string>().ShouldBe(deltas);
        completed["metrics"]!["total_tokens"]!.GetValue<long>().ShouldBeGreaterThan(0);
        completed["metrics"]!["time_to_first_token"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public async Task A_run_with_inline_hooks_streams_hook_events_around_the_content()
    {
        var agent = new Agent("hooked") { Model = new OfflineChatClient() };
        agent.PreHooks.Add(TestHooks.Pre("Tidy", context =>
        {
            context.Input.Content = context.Input.Content.Trim();
            return default;
        }));
        agent.PostHooks.Add(TestHooks.Post("Audit", _ => default));
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(agent));

        using var response = await server.Client.PostAsync("/agents/hooked/runs", AgentOSServer.Form(("message", "  Hi  "), ("stream", "true")));

        var frames = ServerSentEventFrames.Parse(await response.Content.ReadAsStringAsync());
        Collapse(frames).ShouldBe(["RunStarted", "PreHookStarted", "PreHookCompleted", "RunContent*", "RunContentCompleted", "PostHookStarted", "PostHookCompleted", "RunCompleted"]);
        var preCompleted = frames.Single(f => f.Event == "PreHookCompleted").Data;
        preCompleted["pre_hook_name"]!.GetValue<string>().ShouldBe("Tidy");
        preCompleted["run_input"]!["input_content"]!.GetValue<string>().ShouldBe("Hi");
        frames.Single(f => f.Event == "PostHookStarted").Data["post_hook_name"]!.GetValue<string>().ShouldBe("Audit");
    }

    [Fact]
    public async Task A_rejected_run_streams_RunError_and_no_RunCompleted()
    {
        var agent = new Agent("guarded") { Model = new OfflineChatClient() };
        agent.PreHooks.Add(TestHooks.RejectAll("No, thank you."));
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(agent));

        using var response = await server.Client.PostAsync("/agents/guarded/runs", AgentOSServer.Form(("message", "Hi")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var frames = ServerSentEventFrames.Parse(await response.Content.ReadAsStringAsync());
        Collapse(frames).ShouldBe(["RunStarted", "PreHookStarted", "RunError"]);
        var error = frames[^1].Data;
        error["content"]!.GetValue<string>().ShouldBe("No, thank you.");
        error["error_type"]!.GetValue<string>().ShouldBe("input_check_error");
        error["error_id"]!.GetValue<string>().ShouldBe("input_not_allowed");
        error["additional_data"]!["reason"]!.GetValue<string>().ShouldBe("test");
    }

    [Fact]
    public async Task A_rejected_run_without_streaming_answers_200_with_status_ERROR()
    {
        var agent = new Agent("guarded") { Model = new OfflineChatClient() };
        agent.PreHooks.Add(TestHooks.RejectAll("No, thank you."));
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(agent));

        using var response = await server.Client.PostAsync("/agents/guarded/runs", AgentOSServer.Form(("message", "Hi"), ("stream", "false")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var run = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        run["status"]!.GetValue<string>().ShouldBe("ERROR");
        run["content"]!.GetValue<string>().ShouldBe("No, thank you.");
    }

    /// <summary>The event names, with a run of RunContent events written once as <c>RunContent*</c>.</summary>
    private static List<string> Collapse(List<ServerSentEventFrame> frames)
    {
        var names = new List<string>();
        foreach (var frame in frames)
        {
            var name = frame.Event == "RunContent" ? "RunContent*" : frame.Event;
            if (names.Count == 0 || names[^1] != name || name != "RunContent*")
            {
                names.Add(name);
            }
        }

        return names;
    }
}
