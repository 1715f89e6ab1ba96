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

    [Fact]
    public async Task With_an_OpenAI_model_that_answers_personal_data_the_answer_is_masked_streamed_or_not_and_the_judge_sees_it_masked()
    {
        // Issue 25 as it was found: the example on a real provider's client, against a loopback server that streams
        // an answer with an e-mail address, a phone number and an SSN, each split across chunks.
        const string Question = "What is on file for me?";
        await using var openAI = await FakeOpenAIServer.StartAsync(PiiAnswer.Chunks);
        await using var example = await ExampleProcess.StartAsync("Guardrails", new Dictionary<string, string>
        {
            ["AGNO_MODEL"] = "openai:gpt-4o-mini",
            ["OPENAI_API_KEY"] = "sk-test",
            ["OPENAI_BASE_URL"] = openAI.BaseUrl,
        });
        var path = $"/agents/{AgentId}/runs";

        // Streamed (the default): every delta masked, adding up to the masked answer.
        var events = await ExampleRun.StreamAsync(example, path, Question);
        var deltas = events.Where(e => e.Event == "RunContent").Select(e => e.Data["content"]!.GetValue<string>()).ToList();
        deltas.ForEach(delta => PiiAnswer.ShouldRevealNone(delta, "a RunContent delta"));
        string.Concat(deltas).ShouldBe(PiiAnswer.Masked);
        events[^1].Event.ShouldBe("RunCompleted");
        events[^1].Data["content"]!.GetValue<string>().ShouldBe(PiiAnswer.Masked);

        // Not streamed: the same answer, and no raw data anywhere in the JSON.
        var (run, _) = await ExampleRun.PostAsync(example, path, Question);
        run["content"]!.GetValue<string>().ShouldBe(PiiAnswer.Masked);
        PiiAnswer.ShouldRevealNone(run, "the JSON answer");

        // The judge, in the background, judged each answer masked: what it sent the provider has no raw data.
        foreach (var runId in new[] { events[^1].Data["run_id"]!.GetValue<string>(), run["run_id"]!.GetValue<string>() })
        {
            await example.WaitForLineAsync(line => line.Contains($"Evaluation '{Evaluation}' of run '{runId}': passed True", StringComparison.Ordinal));
        }

        var judgeRequests = openAI.Requests.Where(r => r.Body["response_format"] != null).ToList();
        judgeRequests.Count.ShouldBe(2);
        judgeRequests.ForEach(r => PiiAnswer.ShouldRevealNone(r.Body["messages"], "what the judge sent"));
        judgeRequests.ShouldAllBe(r => r.Body["messages"]!.ToJsonString().Contains(new string('*', PiiAnswer.Email.Length)), "the judge was sent the masked answer");
        await ExampleRun.StopsWithoutAbandoningAsync(example, expectedExecutions: 2);
    }

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b")]
    private static partial Regex SsnPattern();
}
