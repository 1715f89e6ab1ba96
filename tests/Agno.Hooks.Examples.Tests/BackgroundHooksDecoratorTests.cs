using Agno.Hooks.Examples.Tests.Infrastructure;

namespace Agno.Hooks.Examples.Tests;

/// <summary>examples/BackgroundHooksDecorator: per-hook background; the inline LogAnalytics holds the response.</summary>
public sealed class BackgroundHooksDecoratorTests
{
    [Fact]
    public async Task Only_the_inline_hook_finishes_before_the_response()
    {
        await using var example = await ExampleProcess.StartAsync("BackgroundHooksDecorator");

        var (run, linesAtResponse) = await ExampleRun.PostReadmeRequestAsync(example, "examples/BackgroundHooksDecorator/README.md");

        run["content"]!.GetValue<string>().ShouldContain("Hello!");
        var inlineFinished = await example.WaitForLineAsync("[LogAnalytics] end");
        // Logged in this order by the server; the console may print it a moment after the client has its answer.
        inlineFinished.ShouldBeLessThan(await example.WaitForLineAsync(ExampleRun.ResponseSent), example.Output);

        await ExampleRun.StopWhileHooksRunAsync(example, linesAtResponse,
            hooks: ["LogRequest", "SendNotification"],
            slowHooks: ["SendNotification"]);
    }
}
