using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Agno.Hooks.Examples.Tests.Infrastructure;

namespace Agno.Hooks.Examples.Tests;

/// <summary>
/// examples/Guardrails, driven by its README's curls: PII masked in the input, prompt injection rejected (as JSON and as
/// a stream), and the agent-as-judge run in the background after each completed response, its verdicts at /eval-runs.
/// </summary>
public sealed partial class GuardrailsTests
{
    private const string Readme = "examples/Guardrails/README.md";
    private const string AgentId = "guarded-agent";
    private const string Evaluation = "safe-and-helpful";
    private const string InjectionMessage = "Potential jailbreaking or prompt injection detected.";

    [Fact]
    public async Task The_READMEs_curls_get_a_clean_answer_a_masked_SSN_and_a_rejected_injection_and_the_judge_runs_after_each_completed_response()
    {
        var curls = ReadmeCommands.Curls(Readme);
        curls.Count.ShouldBe(3, "the README's three curls: clean, SSN, injection");
        curls.ShouldAllBe(c => c.Path == $"/agents/{AgentId}/runs");
        var (clean, ssn, injection) = (curls[0].Message, curls[1].Message, curls[2].Message);
        var ssnNumber = SsnPattern().Match(ssn);
        ssnNumber.Success.ShouldBeTrue($"the second curl has an SSN: {ssn}");
        var maskedSsn = ssn.Replace(ssnNumber.Value, new string('*', ssnNumber.Length), StringComparison.Ordinal);
        var streamed = ReadmeCommands.StreamedCurl(Readme);
        streamed.ShouldBe((curls[2].Path, injection), "the streamed curl is the injection again");

        await using var example = await ExampleProcess.StartAsync("Guardrails");

        // 1. The clean message: answered as usual.
        var (cleanRun, _) = await ExampleRun.PostAsync(example, curls[0].Path, clean);
        cleanRun["agent_id"]!.GetValue<string>().ShouldBe(AgentId);
        cleanRun["input"]!["input_content"]!.GetValue<string>().ShouldBe(clean);
        cleanRun["content"]!.GetValue<string>().ShouldContain(clean);

        // 2. The SSN: masked, same length, before the model saw it (its answer quotes the masked message).
        var (ssnRun, _) = await ExampleRun.PostAsync(example, curls[1].Path, ssn);
        ssnRun["input"]!["input_content"]!.GetValue<string>().ShouldBe(maskedSsn);
        ssnRun["content"]!.GetValue<string>().ShouldContain(maskedSsn);
        ssnRun.ToJsonString().ShouldNotContain(ssnNumber.Value);

        // 3. The injection: status ERROR with Agno's message, no model call.
        var (injectionRun, _) = await ExampleRun.SendAsync(example, curls[2].Path, injection);
        injectionRun["status"]!.GetValue<string>().ShouldBe("ERROR");
        injectionRun["content"]!.GetValue<string>().ShouldBe(InjectionMessage);
        injectionRun["input"]!["input_content"]!.GetValue<string>().ShouldBe(injection);
        injectionRun["metrics"]!["total_tokens"].ShouldBeNull("the model was never called");

        // ... and streamed: a RunError event with error_id prompt_injection ends the stream; no content, no completion.
        var events = await ExampleRun.StreamAsync(example, streamed.Path, streamed.Message);
        events.Select(e => e.Event).ShouldBe(["RunStarted", "PreHookStarted", "PreHookCompleted", "PreHookStarted", "RunError"]);
        events.Where(e => e.Event == "PreHookStarted").Select(e => e.Data["pre_hook_name"]!.GetValue<string>())
            .ShouldBe(["PIIDetectionGuardrail", "PromptInjectionGuardrail"]);
        var error = events[^1].Data;
        error["agent_id"]!.GetValue<string>().ShouldBe(AgentId);
        error["error_id"]!.GetValue<string>().ShouldBe("prompt_injection");
        error["error_type"]!.GetValue<string>().ShouldBe("input_check_error");
        error["content"]!.GetValue<string>().ShouldBe(InjectionMessage);

        // The judge ran in the background after each completed run's response, and passed it (the offline judge's verdict).
        var cleanRunId = cleanRun["run_id"]!.GetValue<string>();
        var ssnRunId = ssnRun["run_id"]!.GetValue<string>();
        (await ExampleRun.JudgedAfterTheResponseAsync(example, cleanRunId, Evaluation)).ShouldContain("passed True");
        (await ExampleRun.JudgedAfterTheResponseAsync(example, ssnRunId, Evaluation)).ShouldContain("passed True");

        // Its verdicts at /eval-runs: the two completed runs only (a rejected run queues no background hook), in the
        // order the judges finished (they run concurrently), the SSN run judged on its masked input.
        var verdicts = await ExampleRun.EvalRunsAsync(example);
        verdicts.Select(v => v!["eval_data"]!["evaluated_run_id"]!.GetValue<string>()).ShouldBe([cleanRunId, ssnRunId], ignoreOrder: true);
        foreach (var verdict in verdicts.Select(v => v!.AsObject()))
        {
            verdict["agent_id"]!.GetValue<string>().ShouldBe(AgentId);
            verdict["eval_type"]!.GetValue<string>().ShouldBe("agent_as_judge");
            verdict["name"]!.GetValue<string>().ShouldBe(Evaluation);
            verdict["eval_data"]!["results"]!.AsArray().Single()!["passed"]!.GetValue<bool>().ShouldBeTrue();
        }

        var ssnResult = verdicts.Single(v => v!["eval_data"]!["evaluated_run_id"]!.GetValue<string>() == ssnRunId)!["eval_data"]!["results"]!.AsArray().Single()!;
        ssnResult["input"]!.GetValue<string>().ShouldBe(maskedSsn);
        ssnResult["output"]!.GetValue<string>().ShouldBe(ssnRun["content"]!.GetValue<string>());

        // Two judge executions in all, drained on SIGTERM.
        await ExampleRun.StopsWithoutAbandoningAsync(example, expectedExecutions: 2);
        example.Output.ShouldContain($"Hook 'PromptInjectionGuardrail' rejected run '{injectionRun["run_id"]!.GetValue<string>()}' (prompt_injection)");
    }

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b")]
    private static partial Regex SsnPattern();
}
