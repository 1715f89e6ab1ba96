using System.Net;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentFramework.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.AgentFramework.Tests;

/// <summary>A hooked <see cref="ChatClientAgent"/> served by AgentOS on real Kestrel, in Agno's wire format.</summary>
public sealed class AgentOSServingTests
{
    [Fact]
    public async Task It_is_listed_like_an_agent_at_agents_and_config()
    {
        await using var server = await ServedServer.StartAsync(h => { });

        var agents = JsonNode.Parse(await server.Client.GetStringAsync("/agents"))!.AsArray();
        var agent = JsonNode.Parse(await server.Client.GetStringAsync("/agents/support"))!.AsObject();
        var config = JsonNode.Parse(await server.Client.GetStringAsync("/config"))!.AsObject();
        using var missing = await server.Client.GetAsync("/agents/nobody");

        var expected = """{"id":"support","name":"Support","description":"Answers support questions.","db_id":"agentos-memory","model":{"id":"offline-echo","provider":"offline"}}""";
        agents.ToJsonString().ShouldBe($"[{expected}]");
        agent.ToJsonString().ShouldBe(expected);
        config["agents"]!.ToJsonString().ShouldBe($"[{expected}]");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldBe("""{"detail":"Agent not found"}""");
    }

    [Fact]
    public async Task A_run_answers_as_Agnos_JSON_run_with_the_hooks_edits()
    {
        await using var server = await ServedServer.StartAsync(h =>
        {
            h.PreHooks.Add(TestHooks.RedactHook);
            h.PostHooks.Add(TestHooks.StampHook);
        });

        var run = await server.RunAsync("card 4111", sessionId: "s-1");

        run["agent_id"]!.GetValue<string>().ShouldBe("support");
        run["agent_name"]!.GetValue<string>().ShouldBe("Support");
        run["session_id"]!.GetValue<string>().ShouldBe("s-1");
        run["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        run["content"]!.GetValue<string>().ShouldBe("You said: \"card ****\". This is the first message of our conversation. (Answered offline; plug in a real IChatClient for real answers.) [checked]");
        run["content_type"]!.GetValue<string>().ShouldBe("str");
        run["model"]!.GetValue<string>().ShouldBe("offline-echo");
        run["model_provider"]!.GetValue<string>().ShouldBe("offline");
        run["input"]!.ToJsonString().ShouldBe("""{"input_content":"card ****"}""");
        run["metrics"]!["total_tokens"]!.GetValue<long>().ShouldBe(24);
        run["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()).ShouldBe(["system", "user", "assistant"]);
        server.Model.UserMessages.ShouldBe(["card ****"]);
    }

    [Fact]
    public async Task A_streamed_run_sends_Agnos_events_in_Agnos_order_as_they_come()
    {
        await using var server = await ServedServer.StartAsync(h =>
        {
            h.PreHooks.Add(TestHooks.RejectSecretsHook);
            h.PostHooks.Add(TestHooks.StampHook);
        });

        var frames = await server.StreamAsync("Hello!", sessionId: "s-2");

        var names = frames.Select(f => f.Event).ToList();
        names[..3].ShouldBe(["RunStarted", "PreHookStarted", "PreHookCompleted"]);
        names[3..^4].ShouldAllBe(name => name == "RunContent");
        names[3..^4].Count.ShouldBeGreaterThan(3);
        names[^4..].ShouldBe(["RunContentCompleted", "PostHookStarted", "PostHookCompleted", "RunCompleted"]);
        frames.ShouldAllBe(f => f.Data["agent_id"]!.GetValue<string>() == "support" && f.Data["session_id"]!.GetValue<string>() == "s-2");
        frames.Select(f => f.Data["run_id"]!.GetValue<string>()).Distinct().ShouldHaveSingleItem();
        frames[0].Data["model"]!.GetValue<string>().ShouldBe("offline-echo");
        frames[1].Data["pre_hook_name"]!.GetValue<string>().ShouldBe("Agno.Hooks.AgentFramework.Tests.Support.TestHooks.RejectSecrets");
        frames[1].Data["run_input"]!["input_content"]!.GetValue<string>().ShouldBe("Hello!");
        string.Concat(frames.Where(f => f.Event == "RunContent").Select(f => f.Data["content"]!.GetValue<string>()))
            .ShouldBe("You said: \"Hello!\". This is the first message of our conversation. (Answered offline; plug in a real IChatClient for real answers.)");

        // The post-hook's edit is in the full content of RunCompleted, as in Agno.
        frames[^1].Data["content"]!.GetValue<string>().ShouldEndWith("answers.) [checked]");
        frames[^1].Data["metrics"]!["total_tokens"]!.GetValue<long>().ShouldBe(22);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rejected_run_answers_200_with_Agnos_error_fields_and_queues_nothing(bool streamed)
    {
        await using var server = await ServedServer.StartAsync(h =>
        {
            h.PreHooks.Add(TestHooks.RejectSecretsHook);
            h.PostHooks.Add(TestHooks.RecordHook);
        });

        JsonObject error;
        if (streamed)
        {
            var frames = await server.StreamAsync("my password is hunter2");
            frames.Select(f => f.Event).ShouldBe(["RunStarted", "PreHookStarted", "RunError"]);
            error = frames[^1].Data;
            error["error_type"]!.GetValue<string>().ShouldBe("input_check_error");
            error["error_id"]!.GetValue<string>().ShouldBe("input_not_allowed");
        }
        else
        {
            error = await server.RunAsync("my password is hunter2");
            error["status"]!.GetValue<string>().ShouldBe("ERROR");
        }

        error["content"]!.GetValue<string>().ShouldBe("Secrets are not allowed");
        server.Model.Calls.ShouldBe(0);
        server.Executor.Statistics.Queued.ShouldBe(0);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task Background_hooks_start_only_after_the_response_has_been_sent(string stream)
    {
        await using var server = await ServedServer.StartAsync(h => h.PostHooks.Add(TestHooks.WaitHook));
        server.Gate.OnStart = () => server.ResponseCompleted;

        using var response = await server.Client.PostAsync("/agents/support/runs", ServedServer.Form(("message", "Hi"), ("stream", stream)));
        var body = await response.Content.ReadAsStringAsync();

        // The whole body arrived while the hook is held at its gate; it started only once the response was complete.
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("COMPLETED", Case.Insensitive);
        await server.Gate.Started.WaitAsync(Waits.Signal);
        server.Gate.Finished.IsCompleted.ShouldBeFalse();
        server.Gate.SeenOnStart.ShouldBe(true);
        server.QueuedBeforeCompletion.ShouldBe(0);
        server.Executor.Statistics.Queued.ShouldBe(1);
        server.Gate.Open();
        await server.Gate.Finished.WaitAsync(Waits.Signal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_session_id_continues_its_conversation_in_the_agents_own_session(bool streamed)
    {
        await using var server = await ServedServer.StartAsync(h => h.PreHooks.Add(TestHooks.SeeOwnerAndSessionHook));

        var first = await ContentAsync(server, "My name is Ada.", "conversation-1", streamed);
        var second = await ContentAsync(server, "What is my name?", "conversation-1", streamed);
        var other = await ContentAsync(server, "Hello?", "conversation-2", streamed);

        // The second answer depends on the first: the model saw the first turn in the session's history.
        first.ShouldContain("This is the first message of our conversation.");
        second.ShouldContain("That makes 2 messages from you in this conversation.");
        other.ShouldContain("This is the first message of our conversation.");
        server.Served.SessionCount.ShouldBe(2);
        var kept = server.Served.FindSession("conversation-1").ShouldNotBeNull();
        server.Log.Sessions.Take(2).ShouldAllBe(session => ReferenceEquals(session, kept));
        server.Log.Entries.Where(e => e.StartsWith("pre:owner", StringComparison.Ordinal))
            .ShouldBe(["pre:owner Support session conversation-1", "pre:owner Support session conversation-1", "pre:owner Support session conversation-2"]);
    }

    [Fact]
    public async Task The_security_key_guards_the_served_agent()
    {
        await using var server = await ServedServer.StartAsync(h => { }, new Dictionary<string, string?> { ["AgentOS:SecurityKey"] = "s3cret" });

        using var without = await server.Client.PostAsync("/agents/support/runs", ServedServer.Form(("message", "Hi"), ("stream", "false")));
        using var listing = await server.Client.GetAsync("/agents");
        server.UseKey("wrong");
        using var wrong = await server.Client.PostAsync("/agents/support/runs", ServedServer.Form(("message", "Hi"), ("stream", "false")));
        server.UseKey("s3cret");
        var run = await server.RunAsync("Hi");

        without.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await without.Content.ReadAsStringAsync()).ShouldBe("""{"detail":"Authorization header required"}""");
        listing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadAsStringAsync()).ShouldBe("""{"detail":"Invalid authentication token"}""");
        run["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        server.Model.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task AgentOS_global_background_setting_reaches_the_served_agents_hooks()
    {
        await using var server = await ServedServer.StartAsync(
            h => h.PostHooks.Add(TestHooks.StampHook),
            new Dictionary<string, string?> { ["AgnoHooks:RunHooksInBackground"] = "true" });

        var run = await server.RunAsync("Hi");
        await server.Log.WaitForAsync("post:stamp");

        // In the background, the stamp went to its copy: the answer never had it.
        run["content"]!.GetValue<string>().ShouldNotContain("[checked]");
        server.Executor.Statistics.Queued.ShouldBe(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failing_model_gives_an_error_run_without_the_exceptions_text(bool streamed)
    {
        await using var server = await ServedServer.StartAsync(h => h.PostHooks.Add(TestHooks.StampHook));
        server.Model.Fail = true;

        using var response = await server.Client.PostAsync("/agents/support/runs", ServedServer.Form(("message", "Hi"), ("stream", streamed ? "true" : "false")));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldNotContain("sk-secret");
        body.ShouldContain("The agent run failed.");
        if (streamed)
        {
            body.ShouldContain("event: RunError");
            body.ShouldNotContain("PostHookStarted");
        }
        else
        {
            JsonNode.Parse(body)!["status"]!.GetValue<string>().ShouldBe("ERROR");
        }

        server.Log.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_message_is_422_before_the_agent_runs()
    {
        await using var server = await ServedServer.StartAsync(h => { });

        using var response = await server.Client.PostAsync("/agents/support/runs", ServedServer.Form(("stream", "false")));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        server.Model.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task An_agent_registered_in_the_container_is_built_with_it_and_served()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var log = new HookLog();
        builder.Services.AddSingleton(log);
        builder.Services.AddAgentOS();
        builder.Services.AddAgentFrameworkAgent(sp => new ChatClientAgent(new OfflineChatClient(), new ChatClientAgentOptions { Id = "registered", Name = "Registered" })
            .AsBuilder()
            .UseAgnoHooks(h => h.PreHooks.Add(TestHooks.RejectSecretsHook))
            .Build(sp));
        await using var app = builder.Build();
        app.MapAgentOS();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        var agents = await client.GetStringAsync("/agents");
        using var response = await client.PostAsync("/agents/registered/runs", ServedServer.Form(("message", "my password"), ("stream", "false")));
        var run = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        await app.StopAsync();

        agents.ShouldContain("\"id\":\"registered\"");
        run["status"]!.GetValue<string>().ShouldBe("ERROR");
        log.Entries.ShouldBe(["pre:guard"]);
    }

    private static async Task<string> ContentAsync(ServedServer server, string message, string sessionId, bool streamed) => streamed
        ? (await server.StreamAsync(message, sessionId))[^1].Data["content"]!.GetValue<string>()
        : (await server.RunAsync(message, sessionId))["content"]!.GetValue<string>();
}
