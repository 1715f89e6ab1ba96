using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Sessions;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>The contract of <see cref="ISessionStore"/>, on the in-memory store: copies out, owners kept apart, safe under concurrency.</summary>
public sealed class InMemorySessionStoreTests
{
    private static readonly SessionOwner Echo = new(SessionType.Agent, "echo");

    [Fact]
    public async Task It_hands_out_copies_of_the_state_and_keeps_none_of_the_callers_objects()
    {
        var store = new InMemorySessionStore();
        var state = new JsonObject { ["count"] = 1 };
        (await store.AddRunAsync("s", Run("r1", "hello"), state)).ShouldBeTrue();

        state["count"] = 2;
        var first = (await store.GetAsync("s"))!;
        first.SessionState["count"] = 3;
        var second = (await store.GetAsync("s"))!;

        second.SessionState["count"]!.GetValue<int>().ShouldBe(1);
        second.SessionName.ShouldBe("hello");
        second.Runs.Select(run => run.RunId).ShouldBe(["r1"]);
    }

    [Fact]
    public async Task A_run_of_another_owner_or_user_changes_nothing()
    {
        var store = new InMemorySessionStore();
        await store.AddRunAsync("s", Run("r1", "hello") with { UserId = "ada" }, []);

        (await store.AddRunAsync("s", Run("r2", "hi") with { Owner = new SessionOwner(SessionType.Team, "echo"), UserId = "ada" }, [])).ShouldBeFalse();
        (await store.AddRunAsync("s", Run("r3", "hi") with { UserId = "bob" }, [])).ShouldBeFalse();
        (await store.AddRunAsync("s", Run("r4", "hi"), [])).ShouldBeFalse();

        (await store.GetAsync("s"))!.Runs.Select(run => run.RunId).ShouldBe(["r1"]);
    }

    [Fact]
    public async Task Concurrent_runs_are_all_recorded()
    {
        var store = new InMemorySessionStore(maxSessions: 20, maxRunsPerSession: 1000);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await store.AddRunAsync($"s{i % 20}", Run($"r{i}", $"message {i}"), new JsonObject { ["i"] = i });
            await store.ListAsync(new SessionQuery { Limit = 5 });
        })));

        store.Count.ShouldBe(20);
        var page = await store.ListAsync(new SessionQuery { Limit = 100 });
        page.TotalCount.ShouldBe(20);
        page.Sessions.ShouldAllBe(session => session.Runs.Count == 10);
        page.Sessions.SelectMany(session => session.Runs).Select(run => run.RunId).Distinct().Count().ShouldBe(200);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_counts_all()
    {
        var store = new InMemorySessionStore();
        await store.AddRunAsync("a", Run("r1", "one"), []);

        var page = await store.ListAsync(new SessionQuery { Page = int.MaxValue, Limit = int.MaxValue });

        page.Sessions.ShouldBeEmpty();
        page.TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_store_the_application_registers_replaces_the_in_memory_default()
    {
        var custom = new InMemorySessionStore(databaseId: "custom-db");
        await using var server = await AgentOSServer.StartAsync(
            os => os.Agents.Add(SessionTests.Echo()),
            configureServices: services => services.AddSingleton<ISessionStore>(custom));

        await SessionClient.RunAsync(server, "stored elsewhere", "s-custom");

        (await SessionClient.GetAsync(server, "/agents/echo"))["db_id"]!.GetValue<string>().ShouldBe("custom-db");
        (await custom.GetAsync("s-custom")).ShouldNotBeNull().Runs.Count.ShouldBe(1);
    }

    private static SessionRunRecord Run(string runId, string input) => new()
    {
        RunId = runId,
        Owner = Echo,
        Input = input,
        Content = "answer",
        Status = RunStatus.Completed,
        Messages = [new SessionMessage("user", input), new SessionMessage("assistant", "answer")],
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
