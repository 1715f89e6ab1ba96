using System.Net;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>
/// Runs of one session_id see each other, on Kestrel: an agent's model gets the earlier turns after its
/// instructions, hooks see them in RunInput.Messages (a background hook's copy too), and session state a
/// run leaves is what the next run starts from. Teams and workflows record their runs in their sessions.
/// </summary>
public sealed class SessionTests
{
    [Fact]
    public async Task The_second_run_of_a_session_gets_an_answer_that_knows_the_first()
    {
        var seen = new List<string[]>();
        var backgroundSeen = new List<string[]>();
        var signal = new ExecutionSignal(2);
        var agent = Echo();
        agent.PreHooks.Add(TestHooks.Pre("SeeHistory", context =>
        {
            lock (seen) { seen.Add(Describe(context.Input.Messages)); }
            return ValueTask.CompletedTask;
        }));
        agent.PreHooks.Add(TestHooks.Pre("CopyHistory", context =>
        {
            lock (backgroundSeen) { backgroundSeen.Add(Describe(context.Input.Messages)); }
            return ValueTask.CompletedTask;
        }, background: true));
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(agent), configureServices: s => s.AddSingleton<IBackgroundHookObserver>(signal));

        var first = await SessionClient.RunAsync(server, "My name is Ada.");
        var sessionId = first["session_id"]!.GetValue<string>();
        var second = await SessionClient.RunAsync(server, "What is my name?", sessionId);
        await signal.Reached.WaitAsync(Waits.Signal);

        first["content"]!.GetValue<string>().ShouldContain("This is the first message of our conversation.");
        second["session_id"]!.GetValue<string>().ShouldBe(sessionId);
        second["content"]!.GetValue<string>().ShouldBe("You said: \"What is my name?\". That makes 2 messages from you in this conversation. (Answered offline; plug in a real IChatClient for real answers.)");

        // The model saw the instructions, then the earlier turn, then the new message.
        Describe(second["messages"]!.AsArray()).ShouldBe(
        [
            "system: You are a helpful assistant.",
            "user: My name is Ada.",
            "assistant: " + first["content"]!.GetValue<string>(),
            "user: What is my name?",
            "assistant: " + second["content"]!.GetValue<string>(),
        ]);

        // Hooks see the history in RunInput.Messages; the background hook's copy holds it as it was.
        string[] history = ["user: My name is Ada.", "assistant: " + first["content"]!.GetValue<string>()];
        seen.Count.ShouldBe(2);
        seen[0].ShouldBeEmpty();
        seen[1].ShouldBe(history);
        backgroundSeen.OrderBy(copy => copy.Length).Select(copy => string.Join(" | ", copy)).ShouldBe([string.Empty, string.Join(" | ", history)]);

        // Another session starts afresh.
        var other = await SessionClient.RunAsync(server, "What is my name?");
        other["content"]!.GetValue<string>().ShouldContain("This is the first message of our conversation.");
    }

    [Fact]
    public async Task History_holds_the_last_HistoryRuns_completed_runs_and_never_a_rejected_one()
    {
        var seen = new List<string[]>();
        var agent = Echo();
        agent.PreHooks.Add(new HookDescriptor("NoSecrets", context =>
        {
            if (context.Input.Content.Contains("password", StringComparison.Ordinal))
            {
                throw new InputCheckException("No secrets", CheckTrigger.InputNotAllowed);
            }

            return ValueTask.CompletedTask;
        }, [new HookParameter("input", HookParameterKind.RunInput, typeof(RunInput))]) { Guardrail = true });
        agent.PreHooks.Add(TestHooks.Pre("SeeHistory", context =>
        {
            lock (seen) { seen.Add(Describe(context.Input.Messages)); }
            return ValueTask.CompletedTask;
        }));
        await using var server = await AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(agent);
            os.Sessions.HistoryRuns = 2;
        });

        var one = await SessionClient.RunAsync(server, "one", "s-history");
        var rejected = await SessionClient.RunAsync(server, "my password is hunter2", "s-history");
        var two = await SessionClient.RunAsync(server, "two", "s-history");
        var three = await SessionClient.RunAsync(server, "three", "s-history");
        var four = await SessionClient.RunAsync(server, "four", "s-history");

        rejected["status"]!.GetValue<string>().ShouldBe("ERROR");
        seen[^1].ShouldBe(["user: two", "assistant: " + two["content"]!.GetValue<string>(), "user: three", "assistant: " + three["content"]!.GetValue<string>()]);
        four["content"]!.GetValue<string>().ShouldContain("That makes 3 messages");
        one["content"]!.GetValue<string>().ShouldContain("first message");

        // The rejected run is in the session all the same, with its status.
        var runs = (await SessionClient.GetAsync(server, "/sessions/s-history/runs")).AsArray();
        runs.Select(run => run!["status"]!.GetValue<string>()).ShouldBe(["COMPLETED", "ERROR", "COMPLETED", "COMPLETED", "COMPLETED"]);
    }

    [Fact]
    public async Task With_HistoryRuns_0_no_history_is_sent()
    {
        await using var server = await AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(Echo());
            os.Sessions.HistoryRuns = 0;
        });

        await SessionClient.RunAsync(server, "one", "s-none");
        var second = await SessionClient.RunAsync(server, "two", "s-none");

        second["content"]!.GetValue<string>().ShouldContain("This is the first message");
    }

    [Fact]
    public async Task Session_state_a_hook_writes_is_saved_and_the_next_run_starts_from_it()
    {
        var visitsSeen = new List<int>();
        var signal = new ExecutionSignal(2);
        var agent = Echo();
        agent.PreHooks.Add(TestHooks.Pre("CountVisits", context =>
        {
            var state = context.Run.SessionState;
            var visits = (state["visits"]?.GetValue<int>() ?? 0) + 1;
            state["visits"] = visits;
            lock (visitsSeen) { visitsSeen.Add(visits); }
            return ValueTask.CompletedTask;
        }));

        // A background hook works on a copy: what it writes is never saved.
        agent.PostHooks.Add(TestHooks.Post("WritesItsCopy", context =>
        {
            context.Run.SessionState["from_background"] = true;
            return ValueTask.CompletedTask;
        }, background: true));
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(agent), configureServices: s => s.AddSingleton<IBackgroundHookObserver>(signal));

        await SessionClient.RunAsync(server, "first", "s-state", fields: ("session_state", """{"theme": "dark", "prefs": {"lang": "en"}}"""));
        await SessionClient.RunAsync(server, "second", "s-state", fields: ("session_state", """{"prefs": {"units": "metric"}}"""));
        await signal.Reached.WaitAsync(Waits.Signal);

        visitsSeen.ShouldBe([1, 2]);
        var session = await SessionClient.GetAsync(server, "/sessions/s-state");

        // The stored state with the request's merged over it, as Agno merges: objects key by key.
        JsonNode.DeepEquals(session["session_state"], JsonNode.Parse("""{"theme": "dark", "prefs": {"lang": "en", "units": "metric"}, "visits": 2}""")).ShouldBeTrue(session["session_state"]!.ToJsonString());

        // Each run keeps the state as it left it.
        var runs = (await SessionClient.GetAsync(server, "/sessions/s-state/runs")).AsArray();
        runs[0]!["session_state"]!["visits"]!.GetValue<int>().ShouldBe(1);
        runs[1]!["session_state"]!["visits"]!.GetValue<int>().ShouldBe(2);

        // A value given with a run wins over the stored one.
        await SessionClient.RunAsync(server, "third", "s-state", fields: ("session_state", """{"visits": 10}"""));
        visitsSeen[^1].ShouldBe(11);
    }

    [Fact]
    public async Task A_team_and_a_workflow_record_their_runs_in_their_sessions()
    {
        var team = new Team("team") { Name = "The Team", Model = new OfflineChatClient(), Mode = TeamMode.Route };
        team.Members.Add(new Agent("member") { Name = "Member", Model = new OfflineChatClient() });
        var workflow = new Workflow("flow") { Name = "The Flow" };
        workflow.Steps.Add(WorkflowStep.Run(new Agent("step") { Name = "Step", Model = new OfflineChatClient() }));
        await using var server = await AgentOSServer.StartAsync(os =>
        {
            os.Teams.Add(team);
            os.Workflows.Add(workflow);
        });

        await SessionClient.RunAsync(server, "Team, hello", "s-team", "/teams/team/runs");
        await SessionClient.RunAsync(server, "Team, again", "s-team", "/teams/team/runs");
        await SessionClient.RunAsync(server, "Flow, go", "s-flow", "/workflows/flow/runs");

        var teams = (await SessionClient.GetAsync(server, "/sessions?type=team"))["data"]!.AsArray();
        teams.Count.ShouldBe(1);
        teams[0]!["session_type"]!.GetValue<string>().ShouldBe("team");
        teams[0]!["team_id"]!.GetValue<string>().ShouldBe("team");
        teams[0]!["session_name"]!.GetValue<string>().ShouldBe("Team, hello");

        var teamSession = await SessionClient.GetAsync(server, "/sessions/s-team?type=team");
        teamSession["team_id"]!.GetValue<string>().ShouldBe("team");
        teamSession.AsObject().ContainsKey("agent_session_id").ShouldBeFalse();
        teamSession["runs"]!.AsArray().Select(run => run!["team_id"]!.GetValue<string>()).ShouldBe(["team", "team"]);
        teamSession["chat_history"]!.AsArray().Count.ShouldBe(4);

        var flow = await SessionClient.GetAsync(server, "/sessions/s-flow");
        flow["workflow_id"]!.GetValue<string>().ShouldBe("flow");
        flow["workflow_name"]!.GetValue<string>().ShouldBe("The Flow");
        flow.AsObject().ContainsKey("chat_history").ShouldBeFalse();
        var flowRun = flow["runs"]![0]!;
        flowRun["workflow_id"]!.GetValue<string>().ShouldBe("flow");
        flowRun["run_input"]!.GetValue<string>().ShouldBe("Flow, go");
        flowRun["status"]!.GetValue<string>().ShouldBe("COMPLETED");
    }

    [Fact]
    public async Task A_session_of_another_agent_or_user_is_refused_with_409()
    {
        await using var server = await AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(Echo());
            os.Agents.Add(Echo("other"));
        });
        await SessionClient.RunAsync(server, "hello", "s-owned", fields: ("user_id", "ada"));

        using var otherAgent = await server.Client.PostAsync("/agents/other/runs", AgentOSServer.Form(("message", "hi"), ("stream", "false"), ("session_id", "s-owned"), ("user_id", "ada")));
        using var otherUser = await server.Client.PostAsync("/agents/echo/runs", AgentOSServer.Form(("message", "hi"), ("stream", "false"), ("session_id", "s-owned"), ("user_id", "bob")));
        using var noUser = await server.Client.PostAsync("/agents/echo/runs", AgentOSServer.Form(("message", "hi"), ("session_id", "s-owned")));

        (await SessionClient.ErrorAsync(otherAgent, HttpStatusCode.Conflict)).ShouldContain("belongs to agent 'echo'");
        (await SessionClient.ErrorAsync(otherUser, HttpStatusCode.Conflict)).ShouldContain("another user");
        (await SessionClient.ErrorAsync(noUser, HttpStatusCode.Conflict)).ShouldContain("another user");
        (await SessionClient.GetAsync(server, "/sessions/s-owned/runs")).AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_client_that_has_its_streamed_answer_finds_the_run_in_the_session()
    {
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(Echo()));

        using var response = await server.Client.PostAsync("/agents/echo/runs", AgentOSServer.Form(("message", "Streamed hello"), ("session_id", "s-stream")));
        var frames = ServerSentEventFrames.Parse(await response.Content.ReadAsStringAsync());
        var runs = (await SessionClient.GetAsync(server, "/sessions/s-stream/runs")).AsArray();

        frames[^1].Event.ShouldBe("RunCompleted");
        runs.Count.ShouldBe(1);
        runs[0]!["run_id"]!.GetValue<string>().ShouldBe(frames[0].Data["run_id"]!.GetValue<string>());
        runs[0]!["content"]!.GetValue<string>().ShouldBe(frames[^1].Data["content"]!.GetValue<string>());
    }

    internal static Agent Echo(string id = "echo") => new(id)
    {
        Name = "Echo",
        Instructions = "You are a helpful assistant.",
        Model = new OfflineChatClient(),
    };

    private static string[] Describe(IEnumerable<RunMessage> messages) => messages.Select(m => $"{m.Role}: {m.Text}").ToArray();

    private static string[] Describe(JsonArray messages) =>
        messages.Select(m => $"{m!["role"]!.GetValue<string>()}: {m["content"]!.GetValue<string>()}").ToArray();
}
