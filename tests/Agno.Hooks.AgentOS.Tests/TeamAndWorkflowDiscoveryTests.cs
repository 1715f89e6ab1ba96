using System.Net;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Tests.Infrastructure;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary><c>GET /teams[/{id}]</c>, <c>GET /workflows[/{id}]</c> and the teams and workflows of <c>/config</c>, in Agno's shapes.</summary>
public sealed class TeamAndWorkflowDiscoveryTests : IAsyncLifetime
{
    private AgentOSServer _server = null!;

    public async Task InitializeAsync()
    {
        var editors = new Team("editors") { Model = new OfflineChatClient(), Name = "Editors", Mode = TeamMode.Route };
        editors.Members.Add(new Agent("copy-editor") { Model = new OfflineChatClient(), Name = "Copy editor" });
        var team = TeamAndWorkflowRunTests.ContentTeam();
        team.Members.Add(editors);

        var workflow = TeamAndWorkflowRunTests.AnalysisWorkflow();
        workflow.Steps.Add(WorkflowStep.Parallel(
            "Checks",
            WorkflowStep.Function("Count", (input, _) => ValueTask.FromResult(new StepOutput(input.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            WorkflowStep.Run(editors, "Edit")));

        _server = await AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(new Agent("solo") { Model = new OfflineChatClient() });
            os.Teams.Add(team);
            os.Workflows.Add(workflow);
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Config_lists_teams_and_workflows_next_to_agents()
    {
        var config = await GetAsync("/config");

        config["agents"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ShouldBe(["solo"]);
        config["teams"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ShouldBe(["content-team"]);
        config["workflows"]!.AsArray().Select(w => w!["id"]!.GetValue<string>()).ShouldBe(["analysis-workflow"]);
    }

    [Fact]
    public async Task A_team_has_its_mode_model_and_members_with_nested_teams()
    {
        var teams = (await SendAsync("/teams")).AsArray();
        var team = (await GetAsync("/teams/content-team"));

        teams.Count.ShouldBe(1);
        teams[0]!.ToJsonString().ShouldBe(team.ToJsonString());
        team["name"]!.GetValue<string>().ShouldBe("Content Team");
        team["mode"]!.GetValue<string>().ShouldBe("coordinate");
        team["model"]!["provider"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var members = team["members"]!.AsArray();
        members.Select(m => m!["id"]!.GetValue<string>()).ShouldBe(["researcher", "writer", "editors"]);
        members[0]!.AsObject().ContainsKey("members").ShouldBeFalse();
        members[0]!["model"]!["id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        members[2]!["mode"]!.GetValue<string>().ShouldBe("route");
        members[2]!["members"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ShouldBe(["copy-editor"]);
    }

    [Fact]
    public async Task A_workflow_lists_its_steps_with_their_kinds_and_parallel_parts()
    {
        var workflows = (await SendAsync("/workflows")).AsArray();
        var workflow = await GetAsync("/workflows/analysis-workflow");

        workflows.Count.ShouldBe(1);
        workflows[0]!.ToJsonString().ShouldBe(workflow.ToJsonString());
        workflow["name"]!.GetValue<string>().ShouldBe("Analysis Workflow");
        var steps = workflow["steps"]!.AsArray();
        steps.Select(s => s!["name"]!.GetValue<string>()).ShouldBe(["Analyzer", "Summarizer", "Checks"]);
        steps.Select(s => s!["step_type"]!.GetValue<string>()).ShouldBe(["agent", "agent", "parallel"]);
        steps[0]!["agent_id"]!.GetValue<string>().ShouldBe("analyzer");
        var parts = steps[2]!["steps"]!.AsArray();
        parts.Select(s => s!["step_type"]!.GetValue<string>()).ShouldBe(["function", "team"]);
        parts[1]!["team_id"]!.GetValue<string>().ShouldBe("editors");
    }

    [Theory]
    [InlineData("/teams/nope", "Team not found")]
    [InlineData("/workflows/nope", "Workflow not found")]
    [InlineData("/teams/solo", "Team not found")]
    [InlineData("/agents/content-team", "Agent not found")]
    public async Task Unknown_ids_are_404_per_kind(string path, string detail)
    {
        using var response = await _server.Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>().ShouldBe(detail);
    }

    [Fact]
    public async Task Two_different_teams_with_one_id_fail_at_start()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() => AgentOSServer.StartAsync(os =>
        {
            os.Teams.Add(new Team("twin") { Model = new OfflineChatClient() });
            os.Teams.Add(new Team("twin") { Model = new OfflineChatClient() });
        }));

        failure.Message.ShouldContain("'twin'");
    }

    private async Task<JsonObject> GetAsync(string path) => (await SendAsync(path)).AsObject();

    private async Task<JsonNode> SendAsync(string path)
    {
        using var response = await _server.Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
