using Agno.Hooks.Examples.Tests.Infrastructure;

namespace Agno.Hooks.Examples.Tests;

/// <summary>examples/BackgroundHooksExample, driven by the root README's walkthrough: the global setting sends all three hooks after the response.</summary>
public sealed class BackgroundHooksExampleTests
{
    [Fact]
    public void The_root_READMEs_first_command_runs_this_example_and_its_curl_is_the_seeds()
    {
        ReadmeCommands.FirstCommand("README.md").ShouldBe("dotnet run --project examples/BackgroundHooksExample");
        ReadmeCommands.Curl("README.md").ShouldBe(("/agents/background-task-agent/runs", "Hello!"));
    }

    [Theory]
    [InlineData("BackgroundHooksExample")]
    [InlineData("BackgroundHooksDecorator")]
    [InlineData("BackgroundHooksTeam")]
    [InlineData("BackgroundHooksWorkflow")]
    [InlineData("BackgroundOutputEvaluation")]
    public void Each_example_READMEs_first_command_runs_that_example(string name) =>
        ReadmeCommands.FirstCommand($"examples/{name}/README.md").ShouldBe($"dotnet run --project examples/{name}");

    [Fact]
    public async Task The_seed_request_is_answered_before_every_hook_finishes_and_SIGTERM_drains_them()
    {
        await using var example = await ExampleProcess.StartAsync("BackgroundHooksExample");

        var (run, linesAtResponse) = await ExampleRun.PostReadmeRequestAsync(example, "README.md");

        run["agent_id"]!.GetValue<string>().ShouldBe("background-task-agent");
        run["content"]!.GetValue<string>().ShouldContain("Hello!");

        // Stopped while SendNotification (3 s) is still running: the host drains it before exiting.
        await ExampleRun.StopWhileHooksRunAsync(example, linesAtResponse,
            hooks: ["LogRequest", "LogAnalytics", "SendNotification"],
            slowHooks: ["LogAnalytics", "SendNotification"]);
    }
}
