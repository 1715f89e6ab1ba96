using System.Collections.Concurrent;
using Agno.Hooks.Tests.Support;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.Teams;

public sealed class TeamTests
{
    private static readonly HookParameter TeamOutputParameter = new("output", HookParameterKind.RunOutput, typeof(TeamRunOutput));
    private static readonly HookParameter TeamParameter = new("team", HookParameterKind.Owner, typeof(Team));

    private static (Team Team, Agent Researcher, Agent Writer) ContentTeam(HookTestHost host, TeamMode mode = TeamMode.Coordinate)
    {
        var researcher = new Agent("researcher") { Model = new OfflineChatClient(), Name = "Researcher", Description = "Finds facts, sources and research about a topic" };
        var writer = new Agent("writer") { Model = new OfflineChatClient(), Name = "Writer", Description = "Writes prose, poems and stories" };
        var team = new Team("content-team") { Model = new OfflineChatClient(), Name = "Content team", Mode = mode, Services = host.Services };
        team.Members.Add(researcher);
        team.Members.Add(writer);
        return (team, researcher, writer);
    }

    [Fact]
    public async Task Team_hooks_wrap_the_members_and_members_hooks_run_as_usual()
    {
        await using var host = HookTestHost.Create();
        var (team, researcher, writer) = ContentTeam(host);
        var order = new ConcurrentQueue<string>();
        team.PreHooks.Add(Pre("team-pre", _ => order.Enqueue("team-pre")));
        team.PreHooks.Add(Pre("team-guard", _ => order.Enqueue("team-guard"), guardrail: true));
        researcher.PreHooks.Add(Pre("researcher-pre", _ => order.Enqueue("researcher-pre")));
        writer.PostHooks.Add(Post("writer-post", _ => order.Enqueue("writer-post")));
        team.PostHooks.Add(new HookDescriptor("team-post", c =>
        {
            order.Enqueue($"team-post({((TeamRunOutput)c.RequiredOutput).MemberResponses.Count})");
            return default;
        }, [TeamOutputParameter]));

        var output = await team.RunAsync("Write about hooks");

        output.Status.ShouldBe(RunStatus.Completed);
        order.ShouldBe(["team-guard", "team-pre", "researcher-pre", "writer-post", "team-post(2)"]);
        output.ShouldBeOfType<TeamRunOutput>().MemberResponses.Select(m => m.OwnerId).ShouldBe(["researcher", "writer"]);
    }

    [Fact]
    public async Task A_team_rejection_queues_nothing_not_even_hooks_of_members_that_already_ran()
    {
        await using var host = HookTestHost.Create(o => o.RunHooksInBackground = true);
        var (team, researcher, _) = ContentTeam(host);
        researcher.PostHooks.Add(Post("member-log", _ => { }));
        team.PreHooks.Add(Pre("team-log", _ => { }));
        team.PostHooks.Add(Post("team-output-guard", _ => throw new OutputCheckException("Not publishable"), guardrail: true));

        var output = await team.RunAsync("Write about hooks");

        output.Status.ShouldBe(RunStatus.Error);
        output.ErrorType.ShouldBe("output_check_error");
        ((TeamRunOutput)output).MemberResponses.Count.ShouldBe(2);
        host.Executor.Statistics.Queued.ShouldBe(0);
    }

    [Fact]
    public async Task The_global_setting_reaches_the_members_hooks()
    {
        await using var host = HookTestHost.Create(o => o.RunHooksInBackground = true);
        var (team, researcher, writer) = ContentTeam(host);
        researcher.PreHooks.Add(Pre("researcher-edit", c => c.Input.Content = "edited"));
        writer.PostHooks.Add(Post("writer-log", _ => { }));
        team.PostHooks.Add(new HookDescriptor("LogTeamResult", _ => default, [TeamOutputParameter, TeamParameter]));

        var events = new List<RunEvent>();
        await foreach (var e in team.RunStreamingAsync("Write about hooks"))
        {
            events.Add(e);
        }

        var executions = await host.Executions.WaitForAsync(3);
        executions.Select(e => e.HookName).Order().ShouldBe(["LogTeamResult", "researcher-edit", "writer-log"]);
        events.ShouldNotContain(e => e.HookName != null);
        var research = ((TeamRunOutput)events[^1].Output!).MemberResponses[0];
        research.Content!.ShouldNotContain("edited");
    }

    [Fact]
    public async Task Background_team_hooks_are_independent()
    {
        await using var host = HookTestHost.Create();
        var (team, _, _) = ContentTeam(host);
        team.PostHooks.Add(Post("fails", _ => throw new InvalidOperationException("no"), background: true));
        team.PostHooks.Add(new HookDescriptor("LogTeamResult", _ => default, [TeamOutputParameter, TeamParameter]) { RunInBackground = true });

        await team.RunAsync("Hi");
        var executions = await host.Executions.WaitForAsync(2);

        executions.Single(e => e.HookName == "LogTeamResult").Status.ShouldBe(BackgroundHookStatus.Completed);
        executions.Single(e => e.HookName == "fails").Status.ShouldBe(BackgroundHookStatus.Failed);
    }

    [Fact]
    public async Task Route_mode_asks_only_the_best_matching_member_and_answers_with_its_content()
    {
        await using var host = HookTestHost.Create();
        var (team, _, _) = ContentTeam(host, TeamMode.Route);

        var poem = (TeamRunOutput)await team.RunAsync("Please write a short poem");
        var facts = (TeamRunOutput)await team.RunAsync("Give me research sources about Agno");

        poem.MemberResponses.Select(m => m.OwnerId).ShouldBe(["writer"]);
        poem.Content.ShouldBe(poem.MemberResponses[0].Content);
        facts.MemberResponses.Select(m => m.OwnerId).ShouldBe(["researcher"]);
    }

    [Fact]
    public async Task Coordinate_mode_hands_each_member_the_work_so_far_and_the_leader_composes()
    {
        await using var host = HookTestHost.Create();
        var (team, _, _) = ContentTeam(host, TeamMode.Coordinate);

        var output = (TeamRunOutput)await team.RunAsync("Explain hooks");

        output.MemberResponses[0].Input!.Content.ShouldBe("Explain hooks");
        output.MemberResponses[1].Input!.Content.ShouldStartWith("Explain hooks\n\nWork so far, from Researcher: You said:");
        output.Content!.ShouldStartWith("You said: \"Compose the team's answer to: Explain hooks");
        output.Metrics.InputTokens.ShouldBeGreaterThan(output.MemberResponses.Sum(m => m.Metrics.InputTokens));
    }

    [Fact]
    public async Task Collaborate_mode_asks_every_member_the_same_message_and_the_leader_synthesises()
    {
        await using var host = HookTestHost.Create();
        var (team, _, _) = ContentTeam(host, TeamMode.Collaborate);

        var output = (TeamRunOutput)await team.RunAsync("Explain hooks");

        output.MemberResponses.Select(m => m.Input!.Content).ShouldBe(["Explain hooks", "Explain hooks"]);
        output.Content!.ShouldStartWith("You said: \"Synthesise the members' answers to: Explain hooks");
    }

    [Fact]
    public async Task Streaming_nests_member_events_one_level_deep_between_the_teams_own_events()
    {
        await using var host = HookTestHost.Create();
        var (team, _, _) = ContentTeam(host, TeamMode.Coordinate);

        var events = new List<RunEvent>();
        await foreach (var e in team.RunStreamingAsync("Explain hooks"))
        {
            events.Add(e);
        }

        events[0].Kind.ShouldBe(RunEventKind.RunStarted);
        events[0].Owner.ShouldBe(team);
        events[^1].Kind.ShouldBe(RunEventKind.RunCompleted);
        events[^1].Owner.ShouldBe(team);
        var nested = events.Where(e => e.NestedDepth == 1).ToList();
        nested.Select(e => e.Owner.Id).Distinct().ShouldBe(["researcher", "writer"]);
        nested.Where(e => e.Kind == RunEventKind.RunCompleted).Count().ShouldBe(2);
        events.Where(e => e.NestedDepth == 0).ShouldAllBe(e => e.Owner == team);
        var lastMember = events.FindLastIndex(e => e.NestedDepth == 1);
        events.Skip(lastMember + 1).Where(e => e.Kind == RunEventKind.RunContent).ShouldNotBeEmpty();
    }

    [Fact]
    public void A_hook_that_needs_an_agent_can_not_be_attached_to_a_team()
    {
        var team = new Team("t") { Model = new OfflineChatClient() };
        var agentHook = new HookDescriptor("NeedsAgent", _ => default, [AgentParameter]);
        var teamHook = new HookDescriptor("NeedsTeamOutput", _ => default, [TeamOutputParameter]);

        var error = Should.Throw<HookBindingException>(() => team.PreHooks.Add(agentHook));
        Should.Throw<HookBindingException>(() => new Agent("a") { Model = new OfflineChatClient() }.PostHooks.Add(teamHook));
        team.PostHooks.Add(teamHook);

        error.ParameterName.ShouldBe("agent");
        error.Message.ShouldContain("a team ('t')");
        error.Message.ShouldContain("needs an agent");
    }

    [Fact]
    public void Members_are_agents_or_teams_without_cycles()
    {
        var outer = new Team("outer") { Model = new OfflineChatClient() };
        var inner = new Team("inner") { Model = new OfflineChatClient() };
        outer.Members.Add(inner);

        Should.Throw<ArgumentException>(() => inner.Members.Add(outer)).Message.ShouldContain("cycle");
        Should.Throw<ArgumentException>(() => outer.Members.Add(outer));
        Should.Throw<ArgumentException>(() => outer.Members.Add(new Workflow("w")));
    }

    [Fact]
    public async Task A_team_without_members_fails_with_a_clear_error()
    {
        await using var host = HookTestHost.Create();

        var output = await new Team("empty") { Model = new OfflineChatClient(), Services = host.Services }.RunAsync("Hi");

        output.Status.ShouldBe(RunStatus.Error);
        output.Content.ShouldBe("Team 'empty' has no members.");
    }
}
