using System.Text.Json.Nodes;
using Agno.Hooks.Examples.Tests.Infrastructure;

namespace Agno.Hooks.Examples.Tests;

/// <summary>examples/AgentFrameworkHooks: a Microsoft Agent Framework ChatClientAgent with Agno's hooks, served by AgentOS.</summary>
public sealed class AgentFrameworkHooksTests
{
    [Fact]
    public async Task The_readme_request_is_answered_with_the_inline_edit_and_the_background_hooks_run_after_it()
    {
        await using var example = await ExampleProcess.StartAsync("AgentFrameworkHooks");

        var (run, linesAtResponse) = await ExampleRun.PostReadmeRequestAsync(example, "examples/AgentFrameworkHooks/README.md");

        run["agent_id"]!.GetValue<string>().ShouldBe("support-agent");
        run["content"]!.GetValue<string>().ShouldContain("Hello!");
        run["content"]!.GetValue<string>().ShouldEndWith("(— Support Agent)");
        var inlineFinished = await example.WaitForLineAsync("[AddSignature] end");
        inlineFinished.ShouldBeLessThan(await example.WaitForLineAsync(ExampleRun.ResponseSent), example.Output);

        await ExampleRun.StopWhileHooksRunAsync(example, linesAtResponse,
            hooks: ["LogRequest", "LogAnalytics"],
            slowHooks: ["LogAnalytics"]);
    }

    [Fact]
    public async Task A_session_continues_and_a_secret_is_rejected_before_the_model()
    {
        await using var example = await ExampleProcess.StartAsync("AgentFrameworkHooks");

        var first = await PostAsync(example, "Hello!", "my-session");
        var second = await PostAsync(example, "Again", "my-session");
        var rejected = await PostAsync(example, "my password is hunter2", "my-session");

        first["content"]!.GetValue<string>().ShouldContain("This is the first message of our conversation.");
        second["content"]!.GetValue<string>().ShouldContain("That makes 2 messages from you in this conversation.");
        rejected["status"]!.GetValue<string>().ShouldBe("ERROR");
        rejected["content"]!.GetValue<string>().ShouldBe("Secrets are not allowed");
    }

    private static async Task<JsonObject> PostAsync(ExampleProcess example, string message, string sessionId)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(message), "message" },
            { new StringContent("false"), "stream" },
            { new StringContent(sessionId), "session_id" },
        };
        using var response = await example.Client.PostAsync("/agents/support-agent/runs", form);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
