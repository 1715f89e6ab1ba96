using Agno.Hooks.Examples.Tests.Infrastructure;

namespace Agno.Hooks.Examples.Tests;

/// <summary>examples/BackgroundOutputEvaluation on the offline model: structured evaluation and a safety check, after the response.</summary>
public sealed class BackgroundOutputEvaluationTests
{
    [Fact]
    public async Task The_answer_is_evaluated_with_structured_output_and_flagged_after_the_response()
    {
        await using var example = await ExampleProcess.StartAsync("BackgroundOutputEvaluation");

        var (run, linesAtResponse) = await ExampleRun.PostReadmeRequestAsync(example, "examples/BackgroundOutputEvaluation/README.md");

        run["agent_id"]!.GetValue<string>().ShouldBe("support-agent");
        run["model_provider"]!.GetValue<string>().ShouldBe("offline");

        await ExampleRun.StopWhileHooksRunAsync(example, linesAtResponse,
            hooks: ["EvaluateOutputQuality", "CheckResponseSafety"],
            slowHooks: ["CheckResponseSafety"]);

        // The offline model's JSON fits the EvaluationResult schema: the score is inside its 0..1 range.
        example.Output.ShouldContain("[EvaluateOutputQuality] end: quality 0.50, helpful True");
        example.Output.ShouldContain("[CheckResponseSafety] end: flagged for review");
        example.Output.ShouldContain("mentions password");
    }
}
