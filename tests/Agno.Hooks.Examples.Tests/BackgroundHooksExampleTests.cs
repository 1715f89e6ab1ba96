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

    [Fact]
    public async Task The_READMEs_second_curl_with_the_first_answers_session_id_gets_an_answer_that_knows_it_is_the_second_message()
    {
        await using var example = await ExampleProcess.StartAsync("BackgroundHooksExample");
        var (first, _) = await ExampleRun.PostReadmeRequestAsync(example, "README.md");
        var sessionId = first["session_id"]!.GetValue<string>();
        var (path, message) = ReadmeCommands.SessionCurl("README.md");

        var (second, _) = await ExampleRun.PostAsync(example, path, message, sessionId);

        path.ShouldBe(ReadmeCommands.Curl("README.md").Path);
        first["content"]!.GetValue<string>().ShouldContain("This is the first message of our conversation.");
        second["session_id"]!.GetValue<string>().ShouldBe(sessionId);
        second["content"]!.GetValue<string>().ShouldContain($"You said: \"{message}\". That makes 2 messages from you in this conversation.");

        // Both runs' hooks (three each) finish, and a stop abandons none.
        await ExampleRun.StopsWithoutAbandoningAsync(example, expectedExecutions: 6);
    }

    [Theory]
    [InlineData("BackgroundHooksExample")]
    [InlineData("BackgroundHooksDecorator")]
    [InlineData("BackgroundHooksTeam")]
    [InlineData("BackgroundHooksWorkflow")]
    [InlineData("BackgroundOutputEvaluation")]
    [InlineData("Guardrails")]
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
