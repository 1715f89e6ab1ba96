using Agno.Hooks.Examples.Tests.Infrastructure;

namespace Agno.Hooks.Examples.Tests;

/// <summary>
/// examples/BackgroundOutputEvaluation on the offline model: the built-in agent-as-judge's structured verdict and a
/// safety check, both after the response; the verdict logged and listed at /eval-runs.
/// </summary>
public sealed class BackgroundOutputEvaluationTests
{
    private const string Readme = "examples/BackgroundOutputEvaluation/README.md";

    [Fact]
    public async Task The_answer_is_judged_with_a_structured_verdict_and_flagged_after_the_response()
    {
        await using var example = await ExampleProcess.StartAsync("BackgroundOutputEvaluation");

        var (run, linesAtResponse) = await ExampleRun.PostReadmeRequestAsync(example, Readme);

        run["agent_id"]!.GetValue<string>().ShouldBe("support-agent");
        run["model_provider"]!.GetValue<string>().ShouldBe("offline");
        var runId = run["run_id"]!.GetValue<string>();

        // The judge ran after the response. The offline model's JSON fits the numeric verdict's schema: 5, the middle
        // of its 1..10 range, below the threshold 7.
        (await ExampleRun.JudgedAfterTheResponseAsync(example, runId, "support-quality")).ShouldContain("passed False, score 5.");

        // Its verdict at /eval-runs: this run, its question and answer, the options the example set.
        var verdict = (await ExampleRun.EvalRunsAsync(example)).ShouldHaveSingleItem()!.AsObject();
        verdict["agent_id"]!.GetValue<string>().ShouldBe("support-agent");
        verdict["name"]!.GetValue<string>().ShouldBe("support-quality");
        verdict["eval_type"]!.GetValue<string>().ShouldBe("agent_as_judge");
        verdict["model_provider"]!.GetValue<string>().ShouldBe("offline");
        var data = verdict["eval_data"]!;
        data["evaluated_run_id"]!.GetValue<string>().ShouldBe(runId);
        var result = data["results"]!.AsArray().ShouldHaveSingleItem()!;
        result["input"]!.GetValue<string>().ShouldBe(ReadmeCommands.Curl(Readme).Message);
        result["output"]!.GetValue<string>().ShouldBe(run["content"]!.GetValue<string>());
        result["score"]!.GetValue<int>().ShouldBe(5);
        result["passed"]!.GetValue<bool>().ShouldBeFalse();
        result["reason"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        verdict["eval_input"]!["scoring_strategy"]!.GetValue<string>().ShouldBe("numeric");
        verdict["eval_input"]!["threshold"]!.GetValue<int>().ShouldBe(7);

        // The safety check (1 s) was still running when the client had its answer; both executions drain on SIGTERM.
        await ExampleRun.StopWhileHooksRunAsync(example, linesAtResponse,
            hooks: ["CheckResponseSafety"],
            slowHooks: ["CheckResponseSafety"],
            expectedExecutions: 2);
        example.Output.ShouldContain("[CheckResponseSafety] end: flagged for review");
        example.Output.ShouldContain("mentions password");
    }
}
