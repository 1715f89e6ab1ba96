using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using BackgroundHooksExample;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>The README's example: its <c>curl</c> command answers 200 with the run's JSON.</summary>
public sealed class ExampleTests
{
    [Fact]
    public async Task The_READMEs_curl_command_gets_the_run_JSON()
    {
        await using var app = BackgroundHooksApp.Create(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var baseUrl = app.Urls.Single();

        // The README's multipart request, field for field; with curl itself when the machine has it.
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var form = new MultipartFormDataContent { { new StringContent("Hello!"), "message" }, { new StringContent("false"), "stream" } };
        using var response = await client.PostAsync($"/agents/{BackgroundHooksApp.AgentId}/runs", form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeTheRun(await response.Content.ReadAsStringAsync());

        if (FindOnPath("curl") is { } curl)
        {
            var (exitCode, output) = await RunAsync(curl, ["-sS", "-w", "\n%{http_code}", "-X", "POST", $"{baseUrl}/agents/{BackgroundHooksApp.AgentId}/runs", "-F", "message=Hello!", "-F", "stream=false"]);
            exitCode.ShouldBe(0);
            var lastLine = output.LastIndexOf('\n');
            output[(lastLine + 1)..].ShouldBe("200");
            ShouldBeTheRun(output[..lastLine]);
        }

        // The example's three hooks all ran in the background: the host drains them on stop.
        await app.StopAsync();
        var executor = app.Services.GetRequiredService<BackgroundHookExecutor>();
        executor.Statistics.Completed.ShouldBe(FindOnPath("curl") is null ? 3 : 6);
    }

    private static void ShouldBeTheRun(string body)
    {
        var run = JsonNode.Parse(body)!.AsObject();
        run["agent_id"]!.GetValue<string>().ShouldBe(BackgroundHooksApp.AgentId);
        run["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        run["content"]!.GetValue<string>().ShouldContain("Hello!");
        run["input"]!["input_content"]!.GetValue<string>().ShouldBe("Hello!");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await output + await error);
    }
}
