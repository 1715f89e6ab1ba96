using System.Text.Json.Nodes;
using Agno.Hooks.Examples.Tests.Infrastructure;

namespace Agno.Hooks.Examples.Tests;

/// <summary>
/// The examples' real-provider path (<c>AGNO_MODEL=openai:...</c>): the real OpenAI client code, talking to a fake
/// OpenAI-compatible server on loopback, so it runs offline.
/// </summary>
public sealed class OpenAIProviderTests
{
    [Fact]
    public async Task With_AGNO_MODEL_openai_the_agent_and_its_judge_use_the_configured_server()
    {
        const string Question = "How do I reset my password?";
        await using var openAI = await FakeOpenAIServer.StartAsync();
        await using var example = await ExampleProcess.StartAsync("BackgroundOutputEvaluation", new Dictionary<string, string>
        {
            ["AGNO_MODEL"] = "openai:gpt-4o-mini",
            ["OPENAI_API_KEY"] = "sk-test",
            ["OPENAI_BASE_URL"] = openAI.BaseUrl,
        });

        var (run, linesAtResponse) = await ExampleRun.PostAsync(example, "/agents/support-agent/runs", Question);

        run["content"]!.GetValue<string>().ShouldBe(FakeOpenAIServer.TextAnswer);
        run["model"]!.GetValue<string>().ShouldBe("gpt-4o-mini");
        run["model_provider"]!.GetValue<string>().ShouldBe("openai");
        run["metrics"]!["total_tokens"]!.GetValue<long>().ShouldBe(20);
        var runId = run["run_id"]!.GetValue<string>();

        // The judge read the provider's structured answer, after the response: 8, at or above the threshold 7.
        (await ExampleRun.JudgedAfterTheResponseAsync(example, runId, "support-quality")).ShouldContain("passed True, score 8.");
        var verdict = (await ExampleRun.EvalRunsAsync(example)).ShouldHaveSingleItem()!;
        verdict["model_id"]!.GetValue<string>().ShouldBe("gpt-4o-mini");
        verdict["model_provider"]!.GetValue<string>().ShouldBe("openai");
        verdict["eval_data"]!["evaluated_run_id"]!.GetValue<string>().ShouldBe(runId);
        verdict["eval_data"]!["usage"]!["total_tokens"]!.GetValue<long>().ShouldBe(20);
        var result = verdict["eval_data"]!["results"]!.AsArray().ShouldHaveSingleItem()!;
        result["score"]!.GetValue<int>().ShouldBe(8);
        result["passed"]!.GetValue<bool>().ShouldBeTrue();
        result["reason"]!.GetValue<string>().ShouldBe("Clear steps; it could link the settings page.");
        result["input"]!.GetValue<string>().ShouldBe(Question);
        result["output"]!.GetValue<string>().ShouldBe(FakeOpenAIServer.TextAnswer);

        await ExampleRun.StopWhileHooksRunAsync(example, linesAtResponse,
            hooks: ["CheckResponseSafety"],
            slowHooks: ["CheckResponseSafety"],
            expectedExecutions: 2);
        example.Output.ShouldContain("[CheckResponseSafety] end: flagged for review");

        // What the real client sent: the key, the model, the agent's conversation, then the judge's schema and prompt.
        var requests = openAI.Requests;
        requests.Count.ShouldBe(2);
        requests.ShouldAllBe(r => r.Authorization == "Bearer sk-test" && r.Body["model"]!.GetValue<string>() == "gpt-4o-mini");
        var (_, answer) = requests.Single(r => r.Body["response_format"] == null);
        answer["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()).ShouldBe(["system", "user"]);
        var (_, evaluation) = requests.Single(r => r.Body["response_format"] != null);
        evaluation["response_format"]!["type"]!.GetValue<string>().ShouldBe("json_schema");
        evaluation["response_format"]!["json_schema"]!["schema"]!["properties"]!.AsObject().Select(p => p.Key).ShouldBe(["score", "reason"]);
        var judgeMessages = evaluation["messages"]!.AsArray();
        judgeMessages.Select(m => m!["role"]!.GetValue<string>()).ShouldBe(["system", "user"]);
        var instructions = Text(judgeMessages[0]!["content"]!);
        instructions.ShouldContain("it solves the user's support problem in clear steps.");
        instructions.ShouldContain("- Penalise settings, pages or steps that the answer makes up.");
        var judged = Text(judgeMessages[1]!["content"]!);
        judged.ShouldContain(Question);
        judged.ShouldContain(FakeOpenAIServer.TextAnswer);
    }

    /// <summary>A chat message's text, sent as a string or as text parts.</summary>
    private static string Text(JsonNode content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p!["text"]?.GetValue<string>())),
        _ => throw new InvalidOperationException(content.ToJsonString()),
    };

    [Fact]
    public async Task An_openai_model_without_a_key_or_base_URL_stops_the_example_with_a_clear_message()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() => ExampleProcess.StartAsync("BackgroundHooksExample", new Dictionary<string, string>
        {
            ["AGNO_MODEL"] = "openai:gpt-4o-mini",
        }));

        failure.Message.ShouldContain("AGNO_MODEL=openai:gpt-4o-mini needs OPENAI_API_KEY");
    }
}
