using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Agno.Hooks.Packaging.Tests.Support;
using Xunit.Abstractions;

namespace Agno.Hooks.Packaging.Tests;

/// <summary>
/// The main example, published with NativeAOT: a reflection-based hook system would break here. It must
/// publish without a trim or AOT warning, answer the README's request, and run its background hooks.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class NativeAotTests(PackageFeed feed, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_main_example_publishes_natively_without_warnings_answers_and_runs_its_background_hooks()
    {
        var publishDirectory = Path.Combine(feed.Directory, "aot");
        var publish = await DotNet.RunAsync(RepositoryPaths.Root,
            "publish", "examples/BackgroundHooksExample/BackgroundHooksExample.csproj",
            "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true",
            "-o", publishDirectory, "--artifacts-path", Path.Combine(feed.Artifacts, "aot"), "--disable-build-servers");

        publish.ShouldSucceed("the NativeAOT publish");
        publish.Output.Split('\n').Where(line => line.Contains("warning IL2", StringComparison.Ordinal) || line.Contains("warning IL3", StringComparison.Ordinal)).ShouldBeEmpty();
        var executable = Path.Combine(publishDirectory, "BackgroundHooksExample");
        File.Exists(executable).ShouldBeTrue();
        File.Exists(Path.Combine(publishDirectory, "BackgroundHooksExample.dll")).ShouldBeFalse("a native publish has no managed entry assembly");

        var port = AppProcess.FreePort();
        var started = Stopwatch.StartNew();
        await using var app = AppProcess.Start(executable, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });
        await app.WaitForLineAsync(line => line.Contains("Now listening on", StringComparison.Ordinal), Patience);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Patience };
        using var form = new MultipartFormDataContent { { new StringContent("Hello!"), "message" }, { new StringContent("false"), "stream" } };
        using var response = await client.PostAsync("/agents/background-task-agent/runs", form);
        var firstResponse = started.Elapsed;
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        using (var run = JsonDocument.Parse(body))
        {
            run.RootElement.GetProperty("status").GetString().ShouldBe("COMPLETED");
            run.RootElement.GetProperty("content").GetString()!.ShouldStartWith("You said: \"Hello!\"");
        }

        foreach (var hook in new[] { "LogAnalytics", "SendNotification" })
        {
            await app.WaitForLineAsync(line => line.Contains($"[{hook}] end", StringComparison.Ordinal), Patience);
        }

        await app.StopAsync(Patience);
        app.ExitCode.ShouldBe(0, app.Output);
        app.Output.ShouldContain("none abandoned");

        output.WriteLine($"Native binary: {new FileInfo(executable).Length / 1024.0 / 1024.0:F1} MiB; start to first response: {firstResponse.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task The_Agent_Framework_example_publishes_natively_without_warnings_answers_and_runs_its_background_hooks()
    {
        var publishDirectory = Path.Combine(feed.Directory, "aot-agent-framework");
        var publish = await DotNet.RunAsync(RepositoryPaths.Root,
            "publish", "examples/AgentFrameworkHooks/AgentFrameworkHooks.csproj",
            "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true",
            "-o", publishDirectory, "--artifacts-path", Path.Combine(feed.Artifacts, "aot-agent-framework"), "--disable-build-servers");

        // Ours and Microsoft Agent Framework's alike: no trim or AOT warning at all.
        publish.ShouldSucceed("the NativeAOT publish of the Agent Framework example");
        publish.Output.Split('\n').Where(line => line.Contains("warning IL2", StringComparison.Ordinal) || line.Contains("warning IL3", StringComparison.Ordinal)).ShouldBeEmpty();
        var executable = Path.Combine(publishDirectory, "AgentFrameworkHooks");
        File.Exists(executable).ShouldBeTrue();

        var port = AppProcess.FreePort();
        await using var app = AppProcess.Start(executable, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });
        await app.WaitForLineAsync(line => line.Contains("Now listening on", StringComparison.Ordinal), Patience);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Patience };
        using var form = new MultipartFormDataContent { { new StringContent("Hello!"), "message" }, { new StringContent("false"), "stream" } };
        using var response = await client.PostAsync("/agents/support-agent/runs", form);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        using (var run = JsonDocument.Parse(body))
        {
            run.RootElement.GetProperty("status").GetString().ShouldBe("COMPLETED");
            run.RootElement.GetProperty("content").GetString()!.ShouldStartWith("You said: \"Hello!\"");
            run.RootElement.GetProperty("content").GetString()!.ShouldEndWith("(— Support Agent)");
        }

        foreach (var hook in new[] { "LogRequest", "LogAnalytics" })
        {
            await app.WaitForLineAsync(line => line.Contains($"[{hook}] end", StringComparison.Ordinal), Patience);
        }

        await app.StopAsync(Patience);
        app.ExitCode.ShouldBe(0, app.Output);
        app.Output.ShouldContain("none abandoned");
    }
}
