using Agno.Hooks.Examples.Tests.Infrastructure;

namespace Agno.Hooks.Examples.Tests;

/// <summary>
/// The examples' real-provider path (<c>AGNO_MODEL=openai:...</c>): the real OpenAI client code, talking to a fake
/// OpenAI-compatible server on loopback, so it runs offline.
/// </summary>
public sealed class OpenAIProviderTests
{
    [Fact]
    public async Task With_AGNO_MODEL_openai_the_agent_and_its_structured_evaluator_use_the_configured_server()
    {
        await using var openAI = await FakeOpenAIServer.StartAsync();
        await using var example = await ExampleProcess.StartAsync("BackgroundOutputEvaluation", new Dictionary<string, string>
        {
            ["AGNO_MODEL"] = "openai:gpt-4o-mini",
            ["OPENAI_API_KEY"] = "sk-test",
            ["OPENAI_BASE_URL"] = openAI.BaseUrl,
        });

        var (run, linesAtResponse) = await ExampleRun.PostAsync(example, "/agents/support-agent/runs", "How do I reset my password?");

        run["content"]!.GetValue<string>().ShouldBe(FakeOpenAIServer.TextAnswer);
        run["model"]!.GetValue<string>().ShouldBe("gpt-4o-mini");
        run["model_provider"]!.GetValue<string>().ShouldBe("openai");
        run["metrics"]!["total_tokens"]!.GetValue<long>().ShouldBe(20);

        await ExampleRun.StopWhileHooksRunAsync(example, linesAtResponse,
            hooks: ["EvaluateOutputQuality", "CheckResponseSafety"],
            slowHooks: ["CheckResponseSafety"]);

        // The evaluator read the provider's structured answer.
        example.Output.ShouldContain("[EvaluateOutputQuality] end: quality 0.90, helpful True, accurate True, well structured False; strengths: clear steps; improvements: link the settings page; Good answer.");
        example.Output.ShouldContain("[CheckResponseSafety] end: flagged for review");

        // What the real client sent: the key, the model, the agent's conversation, then the evaluator's schema.
        var requests = openAI.Requests;
        requests.Count.ShouldBe(2);
        requests.ShouldAllBe(r => r.Authorization == "Bearer sk-test" && r.Body["model"]!.GetValue<string>() == "gpt-4o-mini");
        var (_, answer) = requests.Single(r => r.Body["response_format"] == null);
        answer["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()).ShouldBe(["system", "user"]);
        var (_, evaluation) = requests.Single(r => r.Body["response_format"] != null);
        evaluation["response_format"]!["type"]!.GetValue<string>().ShouldBe("json_schema");
        evaluation["response_format"]!["json_schema"]!["schema"]!["properties"]!.AsObject().Select(p => p.Key)
            .ShouldBe(["is_helpful", "is_accurate", "is_well_structured", "quality_score", "strengths", "improvements", "summary"]);
    }

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
