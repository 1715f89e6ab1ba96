using System.Net;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Evals;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>
/// <c>GET /eval-runs</c> lists the judge's results in Agno's <c>EvalSchema</c> shape; <c>MapAgentOS</c> maps it.
/// </summary>
public sealed class EvalRunsTests
{
    [Fact]
    public async Task A_judged_run_is_listed_in_Agnos_shape()
    {
        await using var server = await StartAsync();

        var runId = await RunAsync(server, "writer", "Write a haiku");
        using var response = await server.Client.GetAsync("/eval-runs");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var meta = body["meta"]!.AsObject();
        meta["page"]!.GetValue<int>().ShouldBe(1);
        meta["limit"]!.GetValue<int>().ShouldBe(20);
        meta["total_pages"]!.GetValue<int>().ShouldBe(1);
        meta["total_count"]!.GetValue<int>().ShouldBe(1);
        meta["search_time_ms"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);

        var eval = body["data"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
        Guid.TryParse(eval["id"]!.GetValue<string>(), out _).ShouldBeTrue();
        eval["agent_id"]!.GetValue<string>().ShouldBe("writer");
        eval.ContainsKey("team_id").ShouldBeTrue();
        eval["team_id"].ShouldBeNull();
        eval["workflow_id"].ShouldBeNull();
        eval["name"]!.GetValue<string>().ShouldBe("quality");
        eval["evaluated_component_name"]!.GetValue<string>().ShouldBe("Writer");
        eval["model_id"]!.GetValue<string>().ShouldBe(OfflineChatClient.DefaultModelId);
        eval["model_provider"]!.GetValue<string>().ShouldBe(OfflineChatClient.ProviderName);
        eval["eval_type"]!.GetValue<string>().ShouldBe("agent_as_judge");
        eval["created_at"]!.GetValue<string>().ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$");
        eval["updated_at"]!.GetValue<string>().ShouldBe(eval["created_at"]!.GetValue<string>());

        var data = eval["eval_data"]!.AsObject();
        data["run_id"]!.GetValue<string>().ShouldBe(eval["id"]!.GetValue<string>());
        data["evaluated_run_id"]!.GetValue<string>().ShouldBe(runId);
        var result = data["results"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
        result["input"]!.GetValue<string>().ShouldBe("Write a haiku");
        result["output"]!.GetValue<string>().ShouldStartWith("You said: \"Write a haiku\"");
        result["criteria"]!.GetValue<string>().ShouldBe("Is it a haiku?");
        // The offline judge gives the middle of the schema's 1-10: 5, under the threshold of 7.
        result["score"]!.GetValue<int>().ShouldBe(5);
        result["passed"]!.GetValue<bool>().ShouldBeFalse();
        result["reason"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        data["avg_score"]!.GetValue<double>().ShouldBe(5);
        data["pass_rate"]!.GetValue<double>().ShouldBe(0);
        data["usage"]!["total_tokens"]!.GetValue<long>().ShouldBeGreaterThan(0);

        var input = eval["eval_input"]!.AsObject();
        input["criteria"]!.GetValue<string>().ShouldBe("Is it a haiku?");
        input["scoring_strategy"]!.GetValue<string>().ShouldBe("numeric");
        input["threshold"]!.GetValue<int>().ShouldBe(7);
        input["additional_guidelines"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe(["Count the syllables."]);

        using var one = await server.Client.GetAsync($"/eval-runs/{eval["id"]!.GetValue<string>()}");
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await one.Content.ReadAsStringAsync())!["eval_data"]!["evaluated_run_id"]!.GetValue<string>().ShouldBe(runId);
    }

    [Fact]
    public async Task Results_are_filtered_and_paged_newest_first()
    {
        await using var server = await StartAsync();
        var first = await RunAsync(server, "writer", "one");
        var second = await RunAsync(server, "writer", "two");
        await RunAsync(server, "editor", "three");

        var page = await ListAsync(server, "/eval-runs?agent_id=writer&limit=1&page=2");
        var ascending = await ListAsync(server, "/eval-runs?agent_id=writer&sort_order=asc");
        var editors = await ListAsync(server, "/eval-runs?agent_id=editor&type=agent");
        var teams = await ListAsync(server, "/eval-runs?type=team");
        var accuracy = await ListAsync(server, "/eval-runs?eval_types=accuracy,performance");
        var judged = await ListAsync(server, "/eval-runs?eval_types=agent_as_judge");

        page["meta"]!["total_count"]!.GetValue<int>().ShouldBe(2);
        page["meta"]!["total_pages"]!.GetValue<int>().ShouldBe(2);
        EvaluatedRuns(page).ShouldBe([first]);
        EvaluatedRuns(ascending).ShouldBe([first, second]);
        EvaluatedRuns(editors).Count.ShouldBe(1);
        teams["data"]!.AsArray().ShouldBeEmpty();
        accuracy["data"]!.AsArray().ShouldBeEmpty();
        judged["meta"]!["total_count"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task An_unknown_eval_run_is_404_and_bad_paging_is_422()
    {
        await using var server = await StartAsync();

        using var missing = await server.Client.GetAsync("/eval-runs/nope");
        using var badLimit = await server.Client.GetAsync("/eval-runs?limit=0");
        using var badType = await server.Client.GetAsync("/eval-runs?eval_types=vibes");

        await BadInputTests.ShouldBeErrorAsync(missing, HttpStatusCode.NotFound, "Eval run with id 'nope' not found");
        badLimit.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        badType.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task With_a_security_key_the_routes_need_it()
    {
        await using var server = await StartAsync(new Dictionary<string, string?> { [AgentOSOptions.SecurityKeyVariable] = "k3y" });

        using var without = await server.Client.GetAsync("/eval-runs");
        await BadInputTests.ShouldBeErrorAsync(without, HttpStatusCode.Unauthorized, "Authorization header required");
        server.UseKey("k3y");
        using var with = await server.Client.GetAsync("/eval-runs");
        with.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<AgentOSServer> StartAsync(IDictionary<string, string?>? settings = null) =>
        AgentOSServer.StartAsync(
            os =>
            {
                os.Agents.Add(new Agent("writer") { Name = "Writer", Model = new OfflineChatClient(), PostHooks = { AgentAsJudgeEval.EvaluateHook } });
                os.Agents.Add(new Agent("editor") { Name = "Editor", Model = new OfflineChatClient(), PostHooks = { AgentAsJudgeEval.EvaluateHook } });
            },
            settings,
            configureServices: services => services
                .AddAgentAsJudge(o =>
                {
                    o.Name = "quality";
                    o.Criteria = "Is it a haiku?";
                    o.Scoring = JudgeScoring.Numeric;
                    o.AdditionalGuidelines = ["Count the syllables."];
                    o.Model = new OfflineChatClient();
                }));

    /// <summary>Runs without streaming; the inline judge has finished when the answer arrives.</summary>
    private static async Task<string> RunAsync(AgentOSServer server, string agentId, string message)
    {
        using var response = await server.Client.PostAsync($"/agents/{agentId}/runs", AgentOSServer.Form(("message", message), ("stream", "false")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["run_id"]!.GetValue<string>();
    }

    private static async Task<JsonObject> ListAsync(AgentOSServer server, string path)
    {
        using var response = await server.Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static List<string> EvaluatedRuns(JsonObject page) =>
        [.. page["data"]!.AsArray().Select(e => e!["eval_data"]!["evaluated_run_id"]!.GetValue<string>())];
}
