using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Agno.Hooks.AgentOS.Sessions;
using Agno.Hooks.AgentOS.Tests.Infrastructure;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>
/// The /sessions routes in Agno's shapes, on Kestrel: listing with filters, paging and sorting, one session,
/// its runs, one run, deleting and renaming; 404 for an unknown session, 422 for a bad query value.
/// Three sessions: two of agent <c>echo</c> (one with two runs), one of agent <c>helper</c> for user <c>ada</c>.
/// </summary>
public sealed partial class SessionRouteTests : IAsyncLifetime
{
    private AgentOSServer _server = null!;
    private JsonObject _alphaFirst = null!;
    private JsonObject _alphaSecond = null!;

    public async Task InitializeAsync()
    {
        _server = await AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(SessionTests.Echo());
            os.Agents.Add(SessionTests.Echo("helper"));
        });
        _alphaFirst = await SessionClient.RunAsync(_server, "Alpha question", "s-alpha");
        _alphaSecond = await SessionClient.RunAsync(_server, "Alpha follow-up", "s-alpha");
        await SessionClient.RunAsync(_server, "beta question", "s-beta");
        await SessionClient.RunAsync(_server, "Gamma question", "s-gamma", "/agents/helper/runs", ("user_id", "ada"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Listing_answers_data_and_meta_newest_first_in_Agnos_shape()
    {
        var page = (await SessionClient.GetAsync(_server, "/sessions")).AsObject();

        page.Select(p => p.Key).ShouldBe(["data", "meta"]);
        Ids(page).ShouldBe(["s-gamma", "s-beta", "s-alpha"]);
        var meta = page["meta"]!.AsObject();
        meta["page"]!.GetValue<int>().ShouldBe(1);
        meta["limit"]!.GetValue<int>().ShouldBe(20);
        meta["total_pages"]!.GetValue<int>().ShouldBe(1);
        meta["total_count"]!.GetValue<int>().ShouldBe(3);
        meta["search_time_ms"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);

        var alpha = page["data"]![2]!.AsObject();
        alpha.Select(p => p.Key).ShouldBe(["session_id", "session_name", "session_state", "created_at", "updated_at", "session_type", "agent_id", "metrics", "total_tokens"]);
        alpha["session_name"]!.GetValue<string>().ShouldBe("Alpha question");
        alpha["session_type"]!.GetValue<string>().ShouldBe("agent");
        alpha["agent_id"]!.GetValue<string>().ShouldBe("echo");
        alpha["session_state"]!.AsObject().Count.ShouldBe(0);
        IsoUtc().IsMatch(alpha["created_at"]!.GetValue<string>()).ShouldBeTrue(alpha["created_at"]!.ToJsonString());
        IsoUtc().IsMatch(alpha["updated_at"]!.GetValue<string>()).ShouldBeTrue();
        var tokens = _alphaFirst["metrics"]!["total_tokens"]!.GetValue<long>() + _alphaSecond["metrics"]!["total_tokens"]!.GetValue<long>();
        alpha["total_tokens"]!.GetValue<long>().ShouldBe(tokens);
        alpha["metrics"]!["total_tokens"]!.GetValue<long>().ShouldBe(tokens);

        page["data"]![0]!["user_id"]!.GetValue<string>().ShouldBe("ada");
    }

    [Theory]
    [InlineData("type=agent", new[] { "s-gamma", "s-beta", "s-alpha" })]
    [InlineData("type=team", new string[0])]
    [InlineData("component_id=echo", new[] { "s-beta", "s-alpha" })]
    [InlineData("type=agent&component_id=helper", new[] { "s-gamma" })]
    [InlineData("user_id=ada", new[] { "s-gamma" })]
    [InlineData("session_name=QUESTION", new[] { "s-gamma", "s-beta", "s-alpha" })]
    [InlineData("session_name=alpha", new[] { "s-alpha" })]
    [InlineData("sort_order=asc", new[] { "s-alpha", "s-beta", "s-gamma" })]
    [InlineData("sort_by=session_name&sort_order=asc", new[] { "s-alpha", "s-beta", "s-gamma" })]
    [InlineData("sort_by=session_name&sort_order=desc", new[] { "s-gamma", "s-beta", "s-alpha" })]
    [InlineData("db_id=agentos-memory&type=agent&component_id=echo", new[] { "s-beta", "s-alpha" })]
    public async Task Listing_filters_and_sorts(string query, string[] expected)
    {
        var page = await SessionClient.GetAsync(_server, "/sessions?" + query);

        Ids(page).ShouldBe(expected);
        page["meta"]!["total_count"]!.GetValue<int>().ShouldBe(expected.Length);
    }

    [Fact]
    public async Task Listing_sorts_by_update_time()
    {
        // A new run moves alpha's update time past the others.
        await SessionClient.RunAsync(_server, "Alpha again", "s-alpha");

        Ids(await SessionClient.GetAsync(_server, "/sessions?sort_by=updated_at")).ShouldBe(["s-alpha", "s-gamma", "s-beta"]);
    }

    [Theory]
    [InlineData(1, new[] { "s-gamma", "s-beta" })]
    [InlineData(2, new[] { "s-alpha" })]
    [InlineData(3, new string[0])]
    public async Task Listing_pages(int pageNumber, string[] expected)
    {
        var page = await SessionClient.GetAsync(_server, $"/sessions?limit=2&page={pageNumber}");

        Ids(page).ShouldBe(expected);
        page["meta"]!["page"]!.GetValue<int>().ShouldBe(pageNumber);
        page["meta"]!["limit"]!.GetValue<int>().ShouldBe(2);
        page["meta"]!["total_pages"]!.GetValue<int>().ShouldBe(2);
        page["meta"]!["total_count"]!.GetValue<int>().ShouldBe(3);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=-3", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=99999999999", "limit")]
    [InlineData("page=0", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("sort_order=up", "sort_order")]
    [InlineData("sort_by=color", "sort_by")]
    [InlineData("type=robot", "type")]
    public async Task A_bad_query_value_is_422_naming_it(string query, string name)
    {
        using var response = await _server.Client.GetAsync("/sessions?" + query);

        (await SessionClient.ErrorAsync(response, HttpStatusCode.UnprocessableEntity)).ShouldContain($"'{name}'");
    }

    [Fact]
    public async Task Another_database_is_404()
    {
        using var list = await _server.Client.GetAsync("/sessions?db_id=postgres-db");
        using var one = await _server.Client.GetAsync("/sessions/s-alpha?db_id=postgres-db");

        (await SessionClient.ErrorAsync(list, HttpStatusCode.NotFound)).ShouldBe("No database found with id 'postgres-db'");
        (await SessionClient.ErrorAsync(one, HttpStatusCode.NotFound)).ShouldBe("No database found with id 'postgres-db'");
    }

    [Fact]
    public async Task One_session_has_Agnos_agent_session_keys_its_chat_history_and_its_runs()
    {
        var session = (await SessionClient.GetAsync(_server, "/sessions/s-alpha?type=agent")).AsObject();

        session.Select(p => p.Key).ShouldBe(
            ["agent_session_id", "session_id", "session_name", "session_state", "agent_id", "total_tokens", "metrics", "chat_history", "runs", "created_at", "updated_at"]);
        session["agent_session_id"]!.GetValue<string>().ShouldBe("s-alpha");
        session["session_id"]!.GetValue<string>().ShouldBe("s-alpha");
        session["session_name"]!.GetValue<string>().ShouldBe("Alpha question");
        session["agent_id"]!.GetValue<string>().ShouldBe("echo");
        session["chat_history"]!.AsArray().Select(m => $"{m!["role"]}: {m["content"]}").ShouldBe(
        [
            "user: Alpha question",
            "assistant: " + _alphaFirst["content"]!.GetValue<string>(),
            "user: Alpha follow-up",
            "assistant: " + _alphaSecond["content"]!.GetValue<string>(),
        ]);
        session["runs"]!.AsArray().Select(run => run!["run_id"]!.GetValue<string>())
            .ShouldBe([_alphaFirst["run_id"]!.GetValue<string>(), _alphaSecond["run_id"]!.GetValue<string>()]);
    }

    [Fact]
    public async Task A_sessions_runs_are_Agnos_run_schemas_oldest_first()
    {
        var runs = (await SessionClient.GetAsync(_server, "/sessions/s-alpha/runs")).AsArray();

        runs.Count.ShouldBe(2);
        var second = runs[1]!.AsObject();
        second.Select(p => p.Key).ShouldBe(["run_id", "agent_id", "status", "run_input", "content", "run_response_format", "metrics", "messages", "created_at", "session_state"]);
        second["run_id"]!.GetValue<string>().ShouldBe(_alphaSecond["run_id"]!.GetValue<string>());
        second["agent_id"]!.GetValue<string>().ShouldBe("echo");
        second["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        second["run_input"]!.GetValue<string>().ShouldBe("Alpha follow-up");
        second["content"]!.GetValue<string>().ShouldBe(_alphaSecond["content"]!.GetValue<string>());
        second["run_response_format"]!.GetValue<string>().ShouldBe("text");
        second["metrics"]!["total_tokens"]!.GetValue<long>().ShouldBe(_alphaSecond["metrics"]!["total_tokens"]!.GetValue<long>());
        second["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()).ShouldBe(["user", "assistant"]);
        IsoUtc().IsMatch(second["created_at"]!.GetValue<string>()).ShouldBeTrue();

        var byId = (await SessionClient.GetAsync(_server, $"/sessions/s-alpha/runs/{_alphaFirst["run_id"]}")).AsObject();
        byId["run_input"]!.GetValue<string>().ShouldBe("Alpha question");

        var recent = (await SessionClient.GetAsync(_server, $"/sessions/s-alpha/runs?created_after={_alphaFirst["created_at"]}")).AsArray();
        recent.Count.ShouldBe(2);
        var none = (await SessionClient.GetAsync(_server, $"/sessions/s-alpha/runs?created_before={_alphaFirst["created_at"]!.GetValue<long>() - 1}")).AsArray();
        none.Count.ShouldBe(0);
    }

    [Theory]
    [InlineData("/sessions/nobody", "Session with id 'nobody' not found")]
    [InlineData("/sessions/s-alpha?type=team", "Team Session with id 's-alpha' not found")]
    [InlineData("/sessions/nobody/runs", "Session with ID nobody not found")]
    [InlineData("/sessions/nobody/runs/run-1", "Session with ID nobody not found")]
    [InlineData("/sessions/s-alpha/runs/run-1", "Run with ID run-1 not found in session s-alpha")]
    [InlineData("/sessions/s-gamma?user_id=bob", "Session with id 's-gamma' not found")]
    [InlineData("/sessions/s-alpha?user_id=ada", "Session with id 's-alpha' not found")]
    [InlineData("/sessions/s-gamma/runs?user_id=bob", "Session with ID s-gamma not found")]
    public async Task An_unknown_session_or_run_is_404_with_detail(string path, string detail)
    {
        using var response = await _server.Client.GetAsync(path);

        (await SessionClient.ErrorAsync(response, HttpStatusCode.NotFound)).ShouldBe(detail);
    }

    [Fact]
    public async Task A_user_id_in_the_query_finds_only_that_users_sessions()
    {
        (await SessionClient.GetAsync(_server, "/sessions/s-gamma?user_id=ada"))["user_id"]!.GetValue<string>().ShouldBe("ada");
        using var othersDelete = await _server.Client.DeleteAsync("/sessions/s-gamma?user_id=bob");

        (await SessionClient.ErrorAsync(othersDelete, HttpStatusCode.NotFound)).ShouldBe("Session with id 's-gamma' not found");
        (await SessionClient.GetAsync(_server, "/sessions/s-gamma/runs")).AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Deleting_a_session_removes_it_and_its_runs()
    {
        using var deleted = await _server.Client.DeleteAsync("/sessions/s-beta");
        using var gone = await _server.Client.GetAsync("/sessions/s-beta/runs");
        using var again = await _server.Client.DeleteAsync("/sessions/s-beta");

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await deleted.Content.ReadAsStringAsync()).ShouldBeEmpty();
        (await SessionClient.ErrorAsync(gone, HttpStatusCode.NotFound)).ShouldBe("Session with ID s-beta not found");
        (await SessionClient.ErrorAsync(again, HttpStatusCode.NotFound)).ShouldBe("Session with id 's-beta' not found");
        Ids(await SessionClient.GetAsync(_server, "/sessions")).ShouldBe(["s-gamma", "s-alpha"]);

        // The same id starts a new conversation.
        var fresh = await SessionClient.RunAsync(_server, "Hello again", "s-beta");
        fresh["content"]!.GetValue<string>().ShouldContain("first message");
    }

    [Fact]
    public async Task Renaming_a_session_answers_the_session_and_the_name_sticks()
    {
        using var response = await SessionClient.RenameAsync(_server, "s-alpha", "Trip planning");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body["session_name"]!.GetValue<string>().ShouldBe("Trip planning");
        body["agent_session_id"]!.GetValue<string>().ShouldBe("s-alpha");
        (await SessionClient.GetAsync(_server, "/sessions/s-alpha"))["session_name"]!.GetValue<string>().ShouldBe("Trip planning");
        Ids(await SessionClient.GetAsync(_server, "/sessions?session_name=trip")).ShouldBe(["s-alpha"]);

        // Later runs keep the new name.
        await SessionClient.RunAsync(_server, "Next question", "s-alpha");
        (await SessionClient.GetAsync(_server, "/sessions/s-alpha"))["session_name"]!.GetValue<string>().ShouldBe("Trip planning");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"session_name": ""}""")]
    [InlineData("""{"session_name": 5}""")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public async Task A_rename_without_a_name_is_422(string body)
    {
        using var response = await _server.Client.PostAsync("/sessions/s-alpha/rename", new StringContent(body, Encoding.UTF8, "application/json"));

        (await SessionClient.ErrorAsync(response, HttpStatusCode.UnprocessableEntity)).ShouldNotBeNullOrWhiteSpace();
        (await SessionClient.GetAsync(_server, "/sessions/s-alpha"))["session_name"]!.GetValue<string>().ShouldBe("Alpha question");
    }

    [Fact]
    public async Task Renaming_an_unknown_session_is_404_and_a_huge_body_413()
    {
        using var unknown = await SessionClient.RenameAsync(_server, "nobody", "Name");
        using var huge = await SessionClient.RenameAsync(_server, "s-alpha", new string('x', 100_000));

        (await SessionClient.ErrorAsync(unknown, HttpStatusCode.NotFound)).ShouldBe("Session with id 'nobody' not found");
        await SessionClient.ErrorAsync(huge, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Agents_teams_workflows_and_config_name_the_sessions_database()
    {
        var team = new Team("team") { Model = new OfflineChatClient() };
        team.Members.Add(new Agent("member") { Model = new OfflineChatClient() });
        var workflow = new Workflow("flow");
        workflow.Steps.Add(WorkflowStep.Run(new Agent("step") { Model = new OfflineChatClient() }));
        await using var server = await AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(SessionTests.Echo());
            os.Teams.Add(team);
            os.Workflows.Add(workflow);
            os.Sessions.DatabaseId = "my-db";
        });

        (await SessionClient.GetAsync(server, "/agents"))[0]!["db_id"]!.GetValue<string>().ShouldBe("my-db");
        (await SessionClient.GetAsync(server, "/agents/echo"))["db_id"]!.GetValue<string>().ShouldBe("my-db");
        (await SessionClient.GetAsync(server, "/teams"))[0]!["db_id"]!.GetValue<string>().ShouldBe("my-db");
        (await SessionClient.GetAsync(server, "/teams/team"))["db_id"]!.GetValue<string>().ShouldBe("my-db");
        (await SessionClient.GetAsync(server, "/workflows/flow"))["db_id"]!.GetValue<string>().ShouldBe("my-db");
        var config = await SessionClient.GetAsync(server, "/config");
        config["os_database"]!.GetValue<string>().ShouldBe("my-db");
        config["databases"]!.AsArray().Select(id => id!.GetValue<string>()).ShouldBe(["my-db"]);
        config["session"]!["dbs"]![0]!["db_id"]!.GetValue<string>().ShouldBe("my-db");
        config["agents"]![0]!["db_id"]!.GetValue<string>().ShouldBe("my-db");
        config["teams"]![0]!["db_id"]!.GetValue<string>().ShouldBe("my-db");
        config["workflows"]![0]!["db_id"]!.GetValue<string>().ShouldBe("my-db");
        (await SessionClient.GetAsync(server, "/sessions?db_id=my-db"))["data"]!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task The_in_memory_store_evicts_the_least_recently_updated_session_at_its_bound()
    {
        await using var server = await AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(SessionTests.Echo());
            os.Sessions.MaxSessions = 2;
            os.Sessions.MaxRunsPerSession = 2;
        });

        await SessionClient.RunAsync(server, "first", "s-1");
        await SessionClient.RunAsync(server, "second", "s-2");
        await SessionClient.RunAsync(server, "first again", "s-1");
        await SessionClient.RunAsync(server, "third", "s-3");

        // s-2 was the least recently updated: it is gone, the others stay.
        using var evicted = await server.Client.GetAsync("/sessions/s-2");
        (await SessionClient.ErrorAsync(evicted, HttpStatusCode.NotFound)).ShouldBe("Session with id 's-2' not found");
        var page = await SessionClient.GetAsync(server, "/sessions");
        Ids(page).ShouldBe(["s-3", "s-1"]);
        page["meta"]!["total_count"]!.GetValue<int>().ShouldBe(2);
        var store = (InMemorySessionStore)server.App.Services.GetService(typeof(ISessionStore))!;
        store.Count.ShouldBe(2);

        // Past MaxRunsPerSession a session drops its oldest run; its name stays.
        await SessionClient.RunAsync(server, "first, third time", "s-1");
        var runs = (await SessionClient.GetAsync(server, "/sessions/s-1/runs")).AsArray();
        runs.Select(run => run!["run_input"]!.GetValue<string>()).ShouldBe(["first again", "first, third time"]);
        (await SessionClient.GetAsync(server, "/sessions/s-1"))["session_name"]!.GetValue<string>().ShouldBe("first");
    }

    private static List<string> Ids(JsonNode page) => page["data"]!.AsArray().Select(s => s!["session_id"]!.GetValue<string>()).ToList();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex IsoUtc();
}
