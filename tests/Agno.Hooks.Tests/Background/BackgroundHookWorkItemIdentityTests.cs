namespace Agno.Hooks.Tests.Background;

/// <summary>A background execution survives the trip through JSON, whichever of its optional parts are missing.</summary>
public sealed class BackgroundHookWorkItemIdentityTests
{
    [Fact]
    public void A_pre_hook_execution_without_owner_name_output_or_trace_context_round_trips()
    {
        var run = new RunContext("run-1", "session-1") { Metadata = { ["k"] = "v" } };
        var item = new BackgroundHookWorkItem("execution-1", 2, "audit", HookStage.Pre, HookOwnerKind.Agent, "agent-1", ownerName: null, run, new RunInput("Hello"), output: null, traceParent: null);

        var restored = BackgroundHookSerializer.Deserialize(BackgroundHookSerializer.Serialize(item));

        restored.ExecutionId.ShouldBe("execution-1");
        restored.Attempt.ShouldBe(2);
        restored.HookName.ShouldBe("audit");
        restored.Stage.ShouldBe(HookStage.Pre);
        restored.OwnerId.ShouldBe("agent-1");
        restored.OwnerName.ShouldBeNull();
        restored.Output.ShouldBeNull();
        restored.TraceParent.ShouldBeNull();
        restored.Input.Content.ShouldBe("Hello");
        restored.Run.Metadata["k"]!.GetValue<string>().ShouldBe("v");
        restored.Identity.ShouldBe(new BackgroundExecutionInfo("execution-1", 2));
    }

    [Fact]
    public void WithAttempt_keeps_the_execution_and_changes_only_the_attempt()
    {
        var run = new RunContext("run-1", "session-1");
        var item = new BackgroundHookWorkItem("execution-1", 1, "audit", HookStage.Post, HookOwnerKind.Agent, "agent-1", "Agent", run, new RunInput("Hi"), new RunOutput { RunId = "run-1", SessionId = "session-1", OwnerId = "agent-1", Content = "Hello" }, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        var again = item.WithAttempt(3);

        again.Identity.ShouldBe(new BackgroundExecutionInfo("execution-1", 3));
        again.Output!.Content.ShouldBe("Hello");
        again.TraceParent.ShouldBe(item.TraceParent);
        item.WithAttempt(1).ShouldBeSameAs(item);
    }
}
