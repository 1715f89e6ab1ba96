using Agno.Hooks.Examples.Tests.Infrastructure;

namespace Agno.Hooks.Examples.Tests;

/// <summary>examples/BackgroundHooksExample: the global setting sends all three hooks after the response.</summary>
public sealed class BackgroundHooksExampleTests
{
    [Fact]
    public async Task The_seed_request_is_answered_before_every_hook_finishes_and_SIGTERM_drains_them()
    {
        await using var example = await ExampleProcess.StartAsync("BackgroundHooksExample");

        var (run, linesAtResponse) = await ExampleRun.PostAsync(example, "/agents/background-task-agent/runs", "Hello!");

        run["agent_id"]!.GetValue<string>().ShouldBe("background-task-agent");
        run["content"]!.GetValue<string>().ShouldContain("Hello!");

        // Stopped while SendNotification (3 s) is still running: the host drains it before exiting.
        var stopped = ExampleRun.StopsWithoutAbandoningAsync(example, expectedExecutions: 3);
        await ExampleRun.HooksFinishAfterTheResponseAsync(example, linesAtResponse,
            hooks: ["LogRequest", "LogAnalytics", "SendNotification"],
            slowHooks: ["LogAnalytics", "SendNotification"]);
        await stopped;
    }
}
