using Agno.Hooks.Examples.Tests.Infrastructure;

namespace Agno.Hooks.Examples.Tests;

/// <summary>examples/BackgroundHooksTeam: the team's post-hook sees the members' responses, after the response.</summary>
public sealed class BackgroundHooksTeamTests
{
    [Fact]
    public async Task The_team_answers_with_both_members_and_its_hook_runs_after_the_response()
    {
        await using var example = await ExampleProcess.StartAsync("BackgroundHooksTeam");

        var (run, linesAtResponse) = await ExampleRun.PostReadmeRequestAsync(example, "examples/BackgroundHooksTeam/README.md");

        run["team_id"]!.GetValue<string>().ShouldBe("content-team");
        run["member_responses"]!.AsArray().Select(m => m!["agent_id"]!.GetValue<string>()).ShouldBe(["researcher", "writer"]);

        await ExampleRun.StopWhileHooksRunAsync(example, linesAtResponse, hooks: ["LogTeamResult"], slowHooks: ["LogTeamResult"]);
        example.Output.ShouldContain("[LogTeamResult] end: 2 member responses");
    }
}
