using Agno.Hooks.Examples.Tests.Infrastructure;

namespace Agno.Hooks.Examples.Tests;

/// <summary>examples/BackgroundHooksWorkflow: the global setting reaches both step agents' hooks.</summary>
public sealed class BackgroundHooksWorkflowTests
{
    [Fact]
    public async Task Both_steps_run_and_their_hooks_finish_after_the_response()
    {
        await using var example = await ExampleProcess.StartAsync("BackgroundHooksWorkflow");

        var (run, linesAtResponse) = await ExampleRun.PostReadmeRequestAsync(example, "examples/BackgroundHooksWorkflow/README.md");

        run["workflow_id"]!.GetValue<string>().ShouldBe("analysis-workflow");
        run["step_results"]!.AsArray().Select(s => s!["step_name"]!.GetValue<string>()).ShouldBe(["Analyzer", "Summarizer"]);

        string[] hooks = ["LogStepCompletion:analyzer", "LogStepCompletion:summarizer"];
        await ExampleRun.StopWhileHooksRunAsync(example, linesAtResponse, hooks, slowHooks: hooks);
    }
}
