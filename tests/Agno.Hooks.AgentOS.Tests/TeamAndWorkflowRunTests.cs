using System.Net;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>
/// <c>POST /teams/{id}/runs</c> and <c>POST /workflows/{id}/runs</c> on Kestrel: Agno's keys and event names,
/// nesting of member and step events, errors, and background hooks of members and steps after the response.
/// </summary>
public sealed class TeamAndWorkflowRunTests
{
    [Fact]
    public async Task A_team_run_answers_with_team_keys_and_every_members_response()
    {
        await using var server = await AgentOSServer.StartAsync(os => os.Teams.Add(ContentTeam()));

        var run = await PostJsonAsync(server, "/teams/content-team/runs");

        run["team_id"]!.GetValue<string>().ShouldBe("content-team");
        run["team_name"]!.GetValue<string>().ShouldBe("Content Team");
        run.ContainsKey("agent_id").ShouldBeFalse();
        run["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        run["content"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        var members = run["member_responses"]!.AsArray();
        members.Select(m => m!["agent_id"]!.GetValue<string>()).ShouldBe(["researcher", "writer"]);
        members.ShouldAllBe(m => m!["status"]!.GetValue<string>() == "COMPLETED");
    }

    [Fact]
    public async Task A_team_runs_messages_are_what_its_leader_was_sent_not_the_users_message_alone()
    {
        await using var server = await AgentOSServer.StartAsync(os => os.Teams.Add(ContentTeam()));

        var run = await PostJsonAsync(server, "/teams/content-team/runs");

        var messages = run["messages"]!.AsArray().Select(m => (Role: m!["role"]!.GetValue<string>(), Content: m["content"]!.GetValue<string>())).ToList();
        messages.Select(m => m.Role).ShouldBe(["user", "assistant"]);
        messages[0].Content.ShouldStartWith("Compose the team's answer to: Write about hooks");
        messages[0].Content.ShouldContain("- Researcher: ", customMessage: "the leader is sent its members' answers");
        messages[1].Content.ShouldBe(run["content"]!.GetValue<string>());
        run["input"]!["input_content"]!.GetValue<string>().ShouldBe("Write about hooks");
    }

    [Fact]
    public async Task A_team_with_members_that_did_not_run_still_carries_an_empty_member_responses_list()
    {
        var team = ContentTeam();
        team.PreHooks.Add(TestHooks.RejectAll());
        await using var server = await AgentOSServer.StartAsync(os => os.Teams.Add(team));

        var run = await PostJsonAsync(server, "/teams/content-team/runs");

        run["status"]!.GetValue<string>().ShouldBe("ERROR");
        run["content"]!.GetValue<string>().ShouldBe("Input not allowed");
        run["member_responses"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_streamed_team_run_uses_Team_event_names_and_nests_member_events_one_level_deep()
    {
        var team = ContentTeam();
        team.PreHooks.Add(TestHooks.Pre("CheckTopic", _ => ValueTask.CompletedTask));
        team.PostHooks.Add(TestHooks.Post("Publish", _ => ValueTask.CompletedTask));
        await using var server = await AgentOSServer.StartAsync(os => os.Teams.Add(team));

        var frames = await PostStreamAsync(server, "/teams/content-team/runs");

        var top = frames.Where(f => f.Data["nested_depth"]!.GetValue<int>() == 0).ToList();
        top.Select(f => f.Event).Distinct().ShouldBe(
            ["TeamRunStarted", "TeamPreHookStarted", "TeamPreHookCompleted", "TeamRunContent", "TeamRunContentCompleted", "TeamPostHookStarted", "TeamPostHookCompleted", "TeamRunCompleted"]);
        top.ShouldAllBe(f => f.Data["team_id"]!.GetValue<string>() == "content-team" && !f.Data.ContainsKey("agent_id"));
        top[1].Data["pre_hook_name"]!.GetValue<string>().ShouldBe("CheckTopic");

        var nested = frames.Where(f => f.Data["nested_depth"]!.GetValue<int>() == 1).ToList();
        nested.ShouldNotBeEmpty();
        nested.ShouldAllBe(f => !f.Event.StartsWith("Team") && f.Data.ContainsKey("agent_id") && !f.Data.ContainsKey("team_id"));
        nested.Where(f => f.Event == "RunCompleted").Select(f => f.Data["agent_id"]!.GetValue<string>()).ShouldBe(["researcher", "writer"]);

        // The members run between the team's pre-hooks and its own answer.
        var firstMember = frames.FindIndex(f => f.Data["nested_depth"]!.GetValue<int>() == 1);
        var lastMember = frames.FindLastIndex(f => f.Data["nested_depth"]!.GetValue<int>() == 1);
        firstMember.ShouldBeGreaterThan(frames.FindIndex(f => f.Event == "TeamPreHookCompleted"));
        lastMember.ShouldBeLessThan(frames.FindIndex(f => f.Event == "TeamRunContent"));
    }

    [Fact]
    public async Task A_rejected_streamed_team_run_ends_with_TeamRunError_and_queues_no_hook()
    {
        var team = ContentTeam(memberHook: TestHooks.Post("MemberLog", _ => ValueTask.CompletedTask, background: true));
        team.PreHooks.Add(TestHooks.RejectAll("Off topic"));
        team.PostHooks.Add(TestHooks.Post("TeamLog", _ => ValueTask.CompletedTask, background: true));
        await using var server = await AgentOSServer.StartAsync(os => os.Teams.Add(team));

        var frames = await PostStreamAsync(server, "/teams/content-team/runs");

        frames.Select(f => f.Event).ShouldBe(["TeamRunStarted", "TeamPreHookStarted", "TeamRunError"]);
        frames[^1].Data["content"]!.GetValue<string>().ShouldBe("Off topic");
        frames[^1].Data["error_type"]!.GetValue<string>().ShouldBe("input_check_error");
        frames[^1].Data["error_id"]!.GetValue<string>().ShouldBe("input_not_allowed");
        server.Executor.Statistics.Queued.ShouldBe(0);
    }

    [Fact]
    public async Task A_workflow_run_answers_with_workflow_keys_and_its_step_results()
    {
        await using var server = await AgentOSServer.StartAsync(os => os.Workflows.Add(AnalysisWorkflow()));

        var run = await PostJsonAsync(server, "/workflows/analysis-workflow/runs");

        run["workflow_id"]!.GetValue<string>().ShouldBe("analysis-workflow");
        run["workflow_name"]!.GetValue<string>().ShouldBe("Analysis Workflow");
        run.ContainsKey("agent_id").ShouldBeFalse();
        run.ContainsKey("member_responses").ShouldBeFalse();
        run["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        var steps = run["step_results"]!.AsArray();
        steps.Select(s => s!["step_name"]!.GetValue<string>()).ShouldBe(["Analyzer", "Summarizer"]);
        steps.ShouldAllBe(s => s!["success"]!.GetValue<bool>());

        // The workflow's content is its last step's.
        run["content"]!.GetValue<string>().ShouldBe(steps[1]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_streamed_workflow_run_emits_workflow_and_step_events_with_step_agents_nested()
    {
        await using var server = await AgentOSServer.StartAsync(os => os.Workflows.Add(AnalysisWorkflow()));

        var frames = await PostStreamAsync(server, "/workflows/analysis-workflow/runs");

        var top = frames.Where(f => f.Data["nested_depth"]!.GetValue<int>() == 0).ToList();
        top.Select(f => f.Event).ShouldBe(["WorkflowStarted", "StepStarted", "StepCompleted", "StepStarted", "StepCompleted", "WorkflowCompleted"]);
        top.ShouldAllBe(f => f.Data["workflow_id"]!.GetValue<string>() == "analysis-workflow" && !f.Data.ContainsKey("agent_id"));
        top.Where(f => f.Event.StartsWith("Step")).Select(f => f.Data["step_name"]!.GetValue<string>()).ShouldBe(["Analyzer", "Analyzer", "Summarizer", "Summarizer"]);

        // Each step agent's own run sits between its StepStarted and StepCompleted, one level deep.
        var analyzerStart = frames.FindIndex(f => f.Event == "StepStarted");
        var analyzerEnd = frames.FindIndex(f => f.Event == "StepCompleted");
        var analyzerRun = frames[(analyzerStart + 1)..analyzerEnd];
        analyzerRun.Select(f => f.Event).ShouldContain("RunCompleted");
        analyzerRun.ShouldAllBe(f => f.Data["nested_depth"]!.GetValue<int>() == 1 && f.Data["agent_id"]!.GetValue<string>() == "analyzer");
    }

    [Fact]
    public async Task A_failing_step_ends_the_stream_with_WorkflowError_carrying_error_not_content()
    {
        var workflow = new Workflow("flaky") { Name = "Flaky" };
        workflow.Steps.Add(WorkflowStep.Function("Explode", (_, _) => throw new InvalidOperationException("boom")));
        await using var server = await AgentOSServer.StartAsync(os => os.Workflows.Add(workflow));

        var frames = await PostStreamAsync(server, "/workflows/flaky/runs");

        frames.Select(f => f.Event).ShouldBe(["WorkflowStarted", "StepStarted", "WorkflowError"]);
        var error = frames[^1].Data;
        error["error"]!.GetValue<string>().ShouldContain("Explode");
        error.ContainsKey("content").ShouldBeFalse();
        error["error_type"]!.GetValue<string>().ShouldBe("step_error");
    }

    [Fact]
    public async Task A_failing_parallel_part_gives_WorkflowError_and_the_other_parts_hooks_still_run_after_the_response()
    {
        // A failure is not a rejection: the hooks of the part that succeeded are queued, after the response.
        var probe = new ResponseCompletionProbe();
        var hook = new GatedHook("LogAnalysis", background: true);
        bool? completedWhenHookStarted = null;
        hook.OnStart = () => completedWhenHookStarted = probe.IsCompleted;
        hook.Open();
        var analyzer = new Agent("analyzer") { Model = new OfflineChatClient() };
        analyzer.PostHooks.Add(hook.Descriptor);
        var workflow = new Workflow("fan-out");
        workflow.Steps.Add(WorkflowStep.Parallel(
            "Both",
            WorkflowStep.Run(analyzer, "Analyze"),
            WorkflowStep.Function("Explode", (_, _) => throw new InvalidOperationException("boom"))));
        await using var server = await AgentOSServer.StartAsync(os => os.Workflows.Add(workflow), beforeRoutes: probe.Install);

        var frames = await PostStreamAsync(server, "/workflows/fan-out/runs");
        await hook.Finished.WaitAsync(Waits.Signal);

        frames[0].Event.ShouldBe("WorkflowStarted");
        frames[^1].Event.ShouldBe("WorkflowError");
        frames[^1].Data["error"]!.GetValue<string>().ShouldContain("Explode");
        frames.ShouldContain(f => f.Event == "RunCompleted" && f.Data["agent_id"]!.GetValue<string>() == "analyzer" && f.Data["nested_depth"]!.GetValue<int>() == 1);
        frames.ShouldNotContain(f => f.Event == "StepCompleted");
        completedWhenHookStarted.ShouldBe(true);
        probe.QueuedBeforeCompletion.ShouldBe(0);
    }

    [Theory]
    [InlineData("/teams/nope/runs", "Team not found")]
    [InlineData("/workflows/nope/runs", "Workflow not found")]
    public async Task Unknown_team_or_workflow_is_404_before_any_streaming(string path, string detail)
    {
        await using var server = await AgentOSServer.StartAsync(os =>
        {
            os.Teams.Add(ContentTeam());
            os.Workflows.Add(AnalysisWorkflow());
        });

        using var response = await server.Client.PostAsync(path, AgentOSServer.Form(("message", "Hi")));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>().ShouldBe(detail);
    }

    [Theory]
    [InlineData("team", "false")]
    [InlineData("team", "true")]
    [InlineData("workflow", "false")]
    [InlineData("workflow", "true")]
    public async Task The_global_setting_runs_member_and_step_agent_hooks_after_the_response(string kind, string stream)
    {
        // The hook is declared inline; only the global setting makes it a background hook.
        var probe = new ResponseCompletionProbe();
        var hook = new GatedHook("LogStep", background: false);
        bool? completedWhenHookStarted = null;
        hook.OnStart = () => completedWhenHookStarted = probe.IsCompleted;
        await using var server = await AgentOSServer.StartAsync(
            os =>
            {
                if (kind == "team")
                {
                    os.Teams.Add(ContentTeam(memberHook: hook.Descriptor, bothMembers: false));
                }
                else
                {
                    os.Workflows.Add(AnalysisWorkflow(stepHook: hook.Descriptor, bothSteps: false));
                }
            },
            beforeRoutes: probe.Install,
            configureServices: services => services.AddAgnoHooks(o => o.RunHooksInBackground = true));
        var path = kind == "team" ? "/teams/content-team/runs" : "/workflows/analysis-workflow/runs";

        using var response = await server.Client.PostAsync(path, AgentOSServer.Form(("message", "Write about hooks"), ("stream", stream)));
        var body = await response.Content.ReadAsStringAsync();

        // The whole answer is in while the member's hook is still blocked: it did not run inline.
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("COMPLETED", Case.Insensitive);
        body.ShouldNotContain("PostHookStarted");
        await hook.Started.WaitAsync(Waits.Signal);
        hook.Finished.IsCompleted.ShouldBeFalse();
        probe.QueuedBeforeCompletion.ShouldBe(0);
        completedWhenHookStarted.ShouldBe(true);

        hook.Open();
        await hook.Finished.WaitAsync(Waits.Signal);
    }

    [Fact]
    public async Task A_failing_background_hook_of_a_team_leaves_the_others_and_the_response_alone()
    {
        var signal = new ExecutionSignal(3);
        var ran = new List<string>();
        var team = ContentTeam(memberHook: TestHooks.Post("MemberLog", _ => { lock (ran) { ran.Add("MemberLog"); } return ValueTask.CompletedTask; }, background: true));
        team.PostHooks.Add(TestHooks.Post("Broken", _ => throw new InvalidOperationException("hook failed"), background: true));
        team.PostHooks.Add(TestHooks.Post("TeamLog", context =>
        {
            // The team's hook sees the team's output, with its members' responses.
            ((TeamRunOutput)context.RequiredOutput).MemberResponses.Select(m => m.OwnerId).ShouldBe(["researcher", "writer"]);
            lock (ran) { ran.Add("TeamLog"); }
            return ValueTask.CompletedTask;
        }, background: true));
        await using var server = await AgentOSServer.StartAsync(
            os => os.Teams.Add(team),
            configureServices: services => services.AddSingleton<IBackgroundHookObserver>(signal));

        var run = await PostJsonAsync(server, "/teams/content-team/runs");
        await signal.Reached.WaitAsync(Waits.Signal);

        run["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        ran.ShouldBe(["MemberLog", "TeamLog"], ignoreOrder: true);
        server.Executor.Statistics.Failed.ShouldBe(1);
        server.Executor.Statistics.Completed.ShouldBe(2);
        server.RoundTrip.RoundTrips.ShouldBe(3, "the member's and the team's hooks ran restored from JSON");
    }

    internal static Team ContentTeam(HookDescriptor? memberHook = null, bool bothMembers = true)
    {
        var researcher = new Agent("researcher") { Model = new OfflineChatClient(), Name = "Researcher", Instructions = "Research the topic." };
        var writer = new Agent("writer") { Model = new OfflineChatClient(), Name = "Writer", Instructions = "Write the article." };
        if (memberHook is not null)
        {
            researcher.PostHooks.Add(memberHook);
        }

        var team = new Team("content-team") { Model = new OfflineChatClient(), Name = "Content Team", Mode = TeamMode.Coordinate };
        team.Members.Add(researcher);
        if (bothMembers)
        {
            team.Members.Add(writer);
        }

        return team;
    }

    internal static Workflow AnalysisWorkflow(HookDescriptor? stepHook = null, bool bothSteps = true)
    {
        var analyzer = new Agent("analyzer") { Model = new OfflineChatClient(), Name = "Analyzer", Instructions = "Analyse the text." };
        if (stepHook is not null)
        {
            analyzer.PostHooks.Add(stepHook);
        }

        var workflow = new Workflow("analysis-workflow") { Name = "Analysis Workflow" };
        workflow.Steps.Add(WorkflowStep.Run(analyzer));
        if (bothSteps)
        {
            workflow.Steps.Add(WorkflowStep.Run(new Agent("summarizer") { Model = new OfflineChatClient(), Name = "Summarizer", Instructions = "Summarise the analysis." }));
        }

        return workflow;
    }

    private static async Task<JsonObject> PostJsonAsync(AgentOSServer server, string path)
    {
        using var response = await server.Client.PostAsync(path, AgentOSServer.Form(("message", "Write about hooks"), ("stream", "false")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static async Task<List<ServerSentEventFrame>> PostStreamAsync(AgentOSServer server, string path)
    {
        using var response = await server.Client.PostAsync(path, AgentOSServer.Form(("message", "Write about hooks")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        return ServerSentEventFrames.Parse(await response.Content.ReadAsStringAsync());
    }
}
