using System.Collections.Concurrent;
using Agno.Hooks.Tests.Support;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.Workflows;

public sealed class WorkflowTests
{
    private static readonly HookParameter WorkflowOutputParameter = new("output", HookParameterKind.RunOutput, typeof(WorkflowRunOutput));

    private static (Workflow Workflow, Agent Analyzer, Agent Summarizer) AnalysisWorkflow(HookTestHost host)
    {
        var analyzer = new Agent("analyzer") { Model = new OfflineChatClient(), Name = "Analyzer" };
        var summarizer = new Agent("summarizer") { Model = new OfflineChatClient(), Name = "Summarizer" };
        var workflow = new Workflow("analysis-workflow") { Name = "Analysis", Services = host.Services };
        workflow.Steps.Add(WorkflowStep.Run(analyzer));
        workflow.Steps.Add(WorkflowStep.Run(summarizer));
        return (workflow, analyzer, summarizer);
    }

    [Fact]
    public async Task Steps_run_in_order_each_seeing_the_previous_output_inside_the_workflows_own_hooks()
    {
        await using var host = HookTestHost.Create();
        var (workflow, analyzer, summarizer) = AnalysisWorkflow(host);
        var order = new ConcurrentQueue<string>();
        workflow.PreHooks.Add(Pre("workflow-pre", c => c.Input.Content += " (checked)"));
        analyzer.PostHooks.Add(Post("analyzer-post", _ => order.Enqueue("analyzer-post")));
        summarizer.PreHooks.Add(Pre("summarizer-pre", c => order.Enqueue($"summarizer-pre:{c.Input.Content.StartsWith("You said", StringComparison.Ordinal)}")));
        workflow.PostHooks.Add(new HookDescriptor("workflow-post", c =>
        {
            order.Enqueue($"workflow-post:{((WorkflowRunOutput)c.RequiredOutput).StepResults.Count}");
            return default;
        }, [WorkflowOutputParameter]));

        var output = (WorkflowRunOutput)await workflow.RunAsync("Analyse hooks");

        output.Status.ShouldBe(RunStatus.Completed);
        order.ShouldBe(["analyzer-post", "summarizer-pre:True", "workflow-post:2"]);
        output.StepResults.Select(s => s.StepName).ShouldBe(["Analyzer", "Summarizer"]);
        output.StepResults[0].Output!.Input!.Content.ShouldBe("Analyse hooks (checked)");
        output.StepResults[1].Output!.Input!.Content.ShouldBe(output.StepResults[0].Content);
        output.Content.ShouldBe(output.StepResults[1].Content);
    }

    [Fact]
    public async Task A_function_step_sees_the_previous_content_and_every_earlier_result()
    {
        await using var host = HookTestHost.Create();
        var (workflow, _, _) = AnalysisWorkflow(host);
        StepInput? seen = null;
        workflow.Steps.Add(WorkflowStep.Function("Count", (input, _) =>
        {
            seen = input;
            return ValueTask.FromResult(new StepOutput($"{input.Content.Length} characters"));
        }));

        var output = await workflow.RunAsync("Analyse hooks");

        seen!.Message.ShouldBe("Analyse hooks");
        seen.PreviousResults.Keys.Order().ShouldBe(["Analyzer", "Summarizer"]);
        seen.PreviousContent.ShouldBe(seen.PreviousResults["Summarizer"].Content);
        output.Content.ShouldBe($"{seen.PreviousContent!.Length} characters");
    }

    [Fact]
    public async Task Parallel_steps_run_at_the_same_time_and_the_join_sees_both_outputs()
    {
        await using var host = HookTestHost.Create();
        var bothStarted = new CountdownEvent(2);
        async ValueTask<StepOutput> Part(string name)
        {
            bothStarted.Signal();

            // Each part waits for the other to have started: only concurrent parts get past this.
            await Task.Run(() => bothStarted.Wait(ExecutionRecorder.Patience).ShouldBeTrue());
            return new StepOutput($"{name} done");
        }

        var workflow = new Workflow("parallel") { Services = host.Services };
        workflow.Steps.Add(WorkflowStep.Parallel("Gather", WorkflowStep.Function("Left", (_, _) => Part("left")), WorkflowStep.Function("Right", (_, _) => Part("right"))));
        StepInput? joinInput = null;
        workflow.Steps.Add(WorkflowStep.Function("Join", (input, _) =>
        {
            joinInput = input;
            return ValueTask.FromResult(new StepOutput("joined"));
        }));

        var output = (WorkflowRunOutput)await workflow.RunAsync("go");

        output.Status.ShouldBe(RunStatus.Completed);
        joinInput!.PreviousResults["Gather"].Steps.Select(s => s.Content).ShouldBe(["left done", "right done"]);
        joinInput.PreviousContent.ShouldBe("## Left\nleft done\n\n## Right\nright done");
    }

    [Fact]
    public async Task A_failing_step_ends_the_workflow_in_error_and_completed_steps_hooks_still_run()
    {
        await using var host = HookTestHost.Create();
        var (workflow, analyzer, summarizer) = AnalysisWorkflow(host);
        analyzer.PostHooks.Add(Post("LogStepCompletion", _ => { }, background: true));
        workflow.Steps.Insert(1, WorkflowStep.Function("Explode", (_, _) => throw new InvalidOperationException("disk full")));
        var summarizerRan = false;
        summarizer.PreHooks.Add(Pre("summarizer-pre", _ => summarizerRan = true));
        var postRan = false;
        workflow.PostHooks.Add(Post("workflow-post", _ => postRan = true));

        var events = new List<RunEvent>();
        await foreach (var e in workflow.RunStreamingAsync("Analyse"))
        {
            events.Add(e);
        }

        var error = events[^1];
        error.Kind.ShouldBe(RunEventKind.RunError);
        error.Content.ShouldBe("Step 'Explode' failed: disk full");
        error.Output!.ErrorType.ShouldBe("step_error");
        summarizerRan.ShouldBeFalse();
        postRan.ShouldBeFalse();
        (await host.Executions.WaitForAsync(1)).Single().HookName.ShouldBe("LogStepCompletion");
    }

    [Fact]
    public async Task A_failing_parallel_part_fails_the_workflow()
    {
        await using var host = HookTestHost.Create();
        var workflow = new Workflow("parallel") { Services = host.Services };
        workflow.Steps.Add(WorkflowStep.Parallel("Gather",
            WorkflowStep.Function("Fine", (_, _) => ValueTask.FromResult(new StepOutput("ok"))),
            WorkflowStep.Function("Broken", (_, _) => throw new InvalidOperationException("timeout upstream"))));

        var output = (WorkflowRunOutput)await workflow.RunAsync("go");

        output.Status.ShouldBe(RunStatus.Error);
        output.Content.ShouldBe("Step 'Gather' failed: step 'Broken' failed: timeout upstream");
        output.StepResults.Single().Steps.Select(s => s.Status).ShouldBe([RunStatus.Completed, RunStatus.Error]);
    }

    [Fact]
    public async Task A_rejected_step_agent_fails_the_workflow_and_a_workflow_rejection_queues_nothing()
    {
        await using var host = HookTestHost.Create(o => o.RunHooksInBackground = true);
        var (workflow, analyzer, summarizer) = AnalysisWorkflow(host);
        analyzer.PostHooks.Add(Post("LogStepCompletion", _ => { }));
        summarizer.PreHooks.Add(Pre("no-summaries", _ => throw new InputCheckException("Summaries are off"), guardrail: true));
        workflow.PreHooks.Add(Pre("workflow-log", _ => { }));

        var failed = await workflow.RunAsync("Analyse");
        await host.Executions.WaitForAsync(2);

        failed.Content.ShouldBe("Step 'Summarizer' failed: Summaries are off");
        host.Executions.Executions.Select(e => e.HookName).Order().ShouldBe(["LogStepCompletion", "workflow-log"]);

        workflow.PostHooks.Add(Post("workflow-guard", _ => throw new OutputCheckException("No"), guardrail: true));
        summarizer.PreHooks.Clear();
        var queuedBefore = host.Executor.Statistics.Queued;
        var rejected = await workflow.RunAsync("Analyse");

        rejected.ErrorType.ShouldBe("output_check_error");
        host.Executor.Statistics.Queued.ShouldBe(queuedBefore);
    }

    [Fact]
    public async Task The_global_setting_reaches_step_agents_hooks()
    {
        await using var host = HookTestHost.Create(o => o.RunHooksInBackground = true);
        var (workflow, analyzer, summarizer) = AnalysisWorkflow(host);
        // One hook on both steps, as a [Hook] method is one descriptor: a name finds one hook.
        var logStepCompletion = Post("LogStepCompletion", _ => { });
        analyzer.PostHooks.Add(logStepCompletion);
        summarizer.PostHooks.Add(logStepCompletion);

        var events = new List<RunEvent>();
        await foreach (var e in workflow.RunStreamingAsync("Analyse"))
        {
            events.Add(e);
        }

        (await host.Executions.WaitForAsync(2)).Count(e => e.HookName == "LogStepCompletion").ShouldBe(2);
        events.ShouldNotContain(e => e.HookName != null);
    }

    [Fact]
    public async Task Streaming_wraps_each_steps_nested_events_in_step_started_and_step_completed()
    {
        await using var host = HookTestHost.Create();
        var (workflow, _, _) = AnalysisWorkflow(host);

        var events = new List<RunEvent>();
        await foreach (var e in workflow.RunStreamingAsync("Analyse"))
        {
            events.Add(e);
        }

        var top = events.Where(e => e.NestedDepth == 0).Select(e => (e.Kind, e.StepName)).ToList();
        top.ShouldBe(
        [
            (RunEventKind.RunStarted, null),
            (RunEventKind.StepStarted, "Analyzer"), (RunEventKind.StepCompleted, "Analyzer"),
            (RunEventKind.StepStarted, "Summarizer"), (RunEventKind.StepCompleted, "Summarizer"),
            (RunEventKind.RunCompleted, null),
        ]);
        var firstStepStart = events.FindIndex(e => e.Kind == RunEventKind.StepStarted);
        var firstStepEnd = events.FindIndex(e => e.Kind == RunEventKind.StepCompleted);
        events.Skip(firstStepStart + 1).Take(firstStepEnd - firstStepStart - 1).ShouldAllBe(e => e.NestedDepth == 1 && e.Owner.Id == "analyzer");
    }
}
