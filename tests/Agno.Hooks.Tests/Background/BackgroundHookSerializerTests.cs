using System.Text.Json.Nodes;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.Background;

/// <summary>
/// A background execution as a durable queue keeps it: JSON and back, with the run's shape intact. Team and
/// workflow outputs come back as their own kinds, with members' responses and steps' results, each with its own
/// input, and everything a run shares (metadata, session state) re-linked to the restored run's context.
/// </summary>
public sealed class BackgroundHookSerializerTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 3, 14, 15, 9, 26, 535, TimeSpan.FromHours(2));

    [Fact]
    public void A_team_execution_comes_back_as_a_team_output_with_its_members_responses()
    {
        var run = Run();
        var team = new Team("content-team") { Model = new OfflineChatClient(), Name = "Content team" };
        var hook = new HookDescriptor("Shop.TeamHooks.Publish", _ => default, [new HookParameter("output", HookParameterKind.RunOutput, typeof(TeamRunOutput))]) { RunInBackground = true };
        team.PostHooks.Add(hook);
        var input = Input(run, "Write about hooks");
        var output = new TeamRunOutput
        {
            RunId = run.RunId,
            SessionId = run.SessionId,
            UserId = run.UserId,
            OwnerId = team.Id,
            OwnerName = team.Name,
            CreatedAt = CreatedAt,
            Metadata = run.Metadata,
            Content = "The team's answer",
            Model = "offline",
            ModelProvider = "Offline",
            Status = RunStatus.Completed,
            Input = input,
            MemberResponses =
            [
                Member(run, "researcher", Input(run, "Write about hooks"), "Facts"),
                Member(run, "writer", Input(run, "Write about hooks\n\nWork so far, from Researcher: Facts"), "Prose"),
            ],
        };
        output.Metrics.InputTokens = 12;
        output.Metrics.OutputTokens = 30;
        output.Metrics.TotalTokens = 42;
        output.Metrics.TimeToFirstToken = TimeSpan.FromMilliseconds(12.5);
        output.Metrics.Duration = TimeSpan.FromSeconds(1.25);
        var captured = Capture(hook, team, HookStage.Post, run, input, output, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        var json = BackgroundHookSerializer.Serialize(captured);
        var restored = BackgroundHookSerializer.Deserialize(json);

        BackgroundHookSerializer.Serialize(restored).ShouldBe(json);
        JsonNode.Parse(json)!["output"]!["$kind"]!.GetValue<string>().ShouldBe("team");
        restored.Hook.ShouldBeNull();
        restored.Owner.ShouldBeNull();
        restored.ExecutionId.ShouldBe(captured.ExecutionId);
        restored.Attempt.ShouldBe(1);
        restored.HookName.ShouldBe("Shop.TeamHooks.Publish");
        restored.Stage.ShouldBe(HookStage.Post);
        (restored.OwnerKind, restored.OwnerId, restored.OwnerName).ShouldBe((HookOwnerKind.Team, "content-team", "Content team"));
        restored.TraceParent.ShouldBe(captured.TraceParent);
        ShouldBeTheRun(restored.Run, restored.Input, "Write about hooks");

        var teamOutput = restored.Output.ShouldBeOfType<TeamRunOutput>();
        (teamOutput.RunId, teamOutput.SessionId, teamOutput.UserId, teamOutput.OwnerId, teamOutput.OwnerName).ShouldBe(("run-1", "session-1", "user-1", "content-team", "Content team"));
        (teamOutput.Content, teamOutput.Model, teamOutput.ModelProvider, teamOutput.Status, teamOutput.CreatedAt).ShouldBe(("The team's answer", "offline", "Offline", RunStatus.Completed, CreatedAt));
        (teamOutput.Metrics.InputTokens, teamOutput.Metrics.OutputTokens, teamOutput.Metrics.TotalTokens).ShouldBe((12, 30, 42));
        teamOutput.Metrics.TimeToFirstToken.ShouldBe(TimeSpan.FromMilliseconds(12.5));
        teamOutput.Metrics.Duration.ShouldBe(TimeSpan.FromSeconds(1.25));
        teamOutput.Metadata.ShouldBeSameAs(restored.Run.Metadata);
        ShouldBeTheRun(restored.Run, teamOutput.Input!, "Write about hooks");

        teamOutput.MemberResponses.Select(m => (m.GetType(), m.OwnerId, m.Content)).ShouldBe([(typeof(RunOutput), "researcher", "Facts"), (typeof(RunOutput), "writer", "Prose")]);
        teamOutput.MemberResponses[1].Input!.Content.ShouldBe("Write about hooks\n\nWork so far, from Researcher: Facts");
        foreach (var member in teamOutput.MemberResponses)
        {
            member.Metadata.ShouldBeSameAs(restored.Run.Metadata);
            member.Input!.Metadata.ShouldBeSameAs(restored.Run.Metadata);
            member.Input.SessionState.ShouldBeSameAs(restored.Run.SessionState);
            member.Input.Messages.Select(m => (m.Role, m.Text)).ShouldBe([("user", "earlier question"), ("assistant", "earlier answer")]);
        }
    }

    [Fact]
    public void A_workflow_execution_comes_back_with_its_step_results_parallel_parts_and_error()
    {
        var run = Run();
        var workflow = new Workflow("analysis") { Name = "Analysis" };
        var hook = new HookDescriptor("Shop.WorkflowHooks.Report", _ => default, [new HookParameter("output", HookParameterKind.RunOutput, typeof(WorkflowRunOutput))]) { RunInBackground = true };
        workflow.PostHooks.Add(hook);
        var input = Input(run, "Analyse hooks");
        var memberOfStepTeam = Member(run, "researcher", Input(run, "Analyse hooks"), "Facts");
        var output = new WorkflowRunOutput
        {
            RunId = run.RunId,
            SessionId = run.SessionId,
            OwnerId = workflow.Id,
            CreatedAt = CreatedAt,
            Metadata = run.Metadata,
            Content = "Step 'Both' failed: step 'Explode' failed: boom",
            Status = RunStatus.Error,
            ErrorType = "step_error",
            ErrorId = "step_failed",
            ErrorData = new JsonObject { ["step"] = "Explode", ["codes"] = new JsonArray(1, 2.5, "three"), ["nested"] = new JsonObject { ["ok"] = false } },
            Input = input,
            StepResults =
            [
                new StepResult { StepName = "Analyzer", Content = "Analysis", Status = RunStatus.Completed, Output = Member(run, "analyzer", Input(run, "Analyse hooks"), "Analysis") },
                new StepResult
                {
                    StepName = "Both",
                    Status = RunStatus.Error,
                    Error = "step 'Explode' failed: boom",
                    Steps =
                    [
                        new StepResult
                        {
                            StepName = "Research",
                            Content = "Team facts",
                            Status = RunStatus.Completed,
                            Output = new TeamRunOutput { RunId = run.RunId, SessionId = run.SessionId, OwnerId = "step-team", Metadata = run.Metadata, Content = "Team facts", Input = Input(run, "Analysis"), MemberResponses = [memberOfStepTeam] },
                        },
                        new StepResult { StepName = "Explode", Status = RunStatus.Error, Error = "boom" },
                    ],
                },
            ],
        };
        var captured = Capture(hook, workflow, HookStage.Post, run, input, output, traceParent: null);

        var json = BackgroundHookSerializer.Serialize(captured);
        var restored = BackgroundHookSerializer.Deserialize(json);

        BackgroundHookSerializer.Serialize(restored).ShouldBe(json);
        restored.OwnerName.ShouldBe("Analysis");
        restored.TraceParent.ShouldBeNull();
        var workflowOutput = restored.Output.ShouldBeOfType<WorkflowRunOutput>();
        (workflowOutput.Status, workflowOutput.ErrorType, workflowOutput.ErrorId, workflowOutput.UserId).ShouldBe((RunStatus.Error, "step_error", "step_failed", null));
        workflowOutput.ErrorData!.ToJsonString().ShouldBe(output.ErrorData.ToJsonString());
        workflowOutput.ErrorData.ShouldNotBeSameAs(captured.Output!.ErrorData);

        workflowOutput.StepResults.Select(s => (s.StepName, s.Status, s.Content, s.Error)).ShouldBe(
            [("Analyzer", RunStatus.Completed, "Analysis", null), ("Both", RunStatus.Error, null, "step 'Explode' failed: boom")]);
        var analyzer = workflowOutput.StepResults[0].Output.ShouldBeOfType<RunOutput>();
        analyzer.OwnerId.ShouldBe("analyzer");
        analyzer.Metadata.ShouldBeSameAs(restored.Run.Metadata);
        ShouldBeTheRun(restored.Run, analyzer.Input!, "Analyse hooks");

        var parts = workflowOutput.StepResults[1].Steps;
        parts.Select(p => (p.StepName, p.Status, p.Error)).ShouldBe([("Research", RunStatus.Completed, null), ("Explode", RunStatus.Error, "boom")]);
        parts[1].Output.ShouldBeNull();
        var stepTeam = parts[0].Output.ShouldBeOfType<TeamRunOutput>();
        stepTeam.Metadata.ShouldBeSameAs(restored.Run.Metadata);
        stepTeam.Input!.Content.ShouldBe("Analysis");
        stepTeam.MemberResponses.ShouldHaveSingleItem().Content.ShouldBe("Facts");
        stepTeam.MemberResponses[0].Metadata.ShouldBeSameAs(restored.Run.Metadata);
        stepTeam.MemberResponses[0].Input!.SessionState.ShouldBeSameAs(restored.Run.SessionState);
    }

    [Fact]
    public void A_pre_hook_execution_of_an_unnamed_owner_without_a_trace_comes_back()
    {
        // Null members the JSON constructor takes (the output, the owner's name, the trace) are written, not left out.
        var run = new RunContext("run-2", "session-2");
        var agent = new Agent("unnamed") { Model = new OfflineChatClient() };
        var hook = Pre("Shop.AgentHooks.Audit", _ => { }, background: true);
        agent.PreHooks.Add(hook);
        var captured = Capture(hook, agent, HookStage.Pre, run, new RunInput("Hi") { Metadata = run.Metadata, SessionState = run.SessionState }, output: null, traceParent: null);

        var json = BackgroundHookSerializer.Serialize(captured);
        var restored = BackgroundHookSerializer.Deserialize(json);

        BackgroundHookSerializer.Serialize(restored).ShouldBe(json);
        (restored.Output, restored.OwnerName, restored.TraceParent, restored.Run.UserId).ShouldBe((null, null, null, null));
        (restored.Stage, restored.OwnerKind, restored.OwnerId, restored.Input.Content).ShouldBe((HookStage.Pre, HookOwnerKind.Agent, "unnamed", "Hi"));
        restored.Input.Metadata.ShouldBeSameAs(restored.Run.Metadata);
        restored.Run.Metadata.ShouldBeEmpty();
    }

    [Fact]
    public void Restored_copies_are_the_restored_runs_own_and_share_nothing_with_the_original()
    {
        var run = Run();
        var agent = new Agent("agent") { Model = new OfflineChatClient() };
        var hook = Post("Shop.AgentHooks.Log", _ => { }, background: true);
        agent.PostHooks.Add(hook);
        var input = Input(run, "Hi");
        var output = new RunOutput { RunId = run.RunId, SessionId = run.SessionId, OwnerId = agent.Id, Metadata = run.Metadata, Input = input, Content = "Hello", ErrorData = new JsonObject { ["x"] = 1 } };
        var captured = Capture(hook, agent, HookStage.Post, run, input, output, traceParent: null);

        var restored = BackgroundHookSerializer.Deserialize(BackgroundHookSerializer.Serialize(captured));
        restored.Run.Metadata["tags"]!.AsArray().Add("restored");
        restored.Run.SessionState["step"] = 99;
        restored.Input.Messages[0].Text = "changed";
        restored.Output!.ErrorData!["x"] = 2;

        captured.Run.Metadata["tags"]!.AsArray().Count.ShouldBe(1);
        captured.Run.SessionState["step"]!.GetValue<int>().ShouldBe(1);
        captured.Input.Messages[0].Text.ShouldBe("earlier question");
        captured.Output!.ErrorData!["x"]!.GetValue<int>().ShouldBe(1);
        restored.Output.Input!.Metadata["tags"]!.AsArray().Count.ShouldBe(2, "the output's input shares the restored run's metadata");
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"executionId\":\"e\",\"attempt\":1,\"hookName\":\"h\",\"stage\":\"Pre\",\"ownerKind\":\"Agent\",\"ownerId\":\"a\",\"ownerName\":null,\"run\":{\"runId\":\"r\",\"sessionId\":\"s\"},\"output\":null,\"traceParent\":null}")]
    public void Text_that_is_not_an_execution_is_refused(string json)
    {
        var error = Should.Throw<Exception>(() => BackgroundHookSerializer.Deserialize(json));

        (error is System.Text.Json.JsonException or ArgumentException).ShouldBeTrue(error.ToString());
    }

    private static RunContext Run() => new("run-1", "session-1", "user-1")
    {
        Metadata = new JsonObject { ["tags"] = new JsonArray("a"), ["channel"] = "web" },
        SessionState = new JsonObject { ["step"] = 1 },
        Arguments = new JsonObject { ["debug"] = true },
    };

    private static RunInput Input(RunContext run, string content) => new(content)
    {
        Messages = [new RunMessage("user", "earlier question"), new RunMessage("assistant", "earlier answer")],
        Metadata = run.Metadata,
        SessionState = run.SessionState,
    };

    private static RunOutput Member(RunContext run, string ownerId, RunInput input, string content) => new()
    {
        RunId = $"{ownerId}-run",
        SessionId = run.SessionId,
        OwnerId = ownerId,
        Metadata = run.Metadata,
        Input = input,
        Content = content,
        Status = RunStatus.Completed,
    };

    /// <summary>As a run captures an execution: copies of the context, input and output.</summary>
    private static BackgroundHookWorkItem Capture(HookDescriptor hook, IHookOwner owner, HookStage stage, RunContext run, RunInput input, RunOutput? output, string? traceParent)
    {
        var copy = run.Clone();
        return new BackgroundHookWorkItem(hook, owner, stage, copy, input.Clone(copy), output?.Clone(copy), traceParent);
    }

    private static void ShouldBeTheRun(RunContext run, RunInput input, string content)
    {
        (run.RunId, run.SessionId, run.UserId).ShouldBe(("run-1", "session-1", "user-1"));
        run.Metadata.ToJsonString().ShouldBe("""{"tags":["a"],"channel":"web"}""");
        run.SessionState.ToJsonString().ShouldBe("""{"step":1}""");
        run.Arguments.ToJsonString().ShouldBe("""{"debug":true}""");
        input.Content.ShouldBe(content);
        input.Messages.Select(m => (m.Role, m.Text)).ShouldBe([("user", "earlier question"), ("assistant", "earlier answer")]);
        input.Metadata.ShouldBeSameAs(run.Metadata);
        input.SessionState.ShouldBeSameAs(run.SessionState);
    }
}
