using System.Text.Json;
using Agno.Hooks.AgentOS.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Agno.Hooks.AgentOS.BrowserTests;

/// <summary>
/// What Agno's web UI does, in a real headless Chromium: a page from another origin checks /health with a
/// JSON content type (so the browser sends a CORS preflight first), streams a run, streams a second run in
/// the same session, and lists the sessions. From an origin AgentOS doesn't allow, the browser blocks it all.
/// </summary>
public sealed class CrossOriginBrowserTests
{
    private const string Key = "browser-key";

    [Fact]
    public async Task A_page_from_an_allowed_origin_chats_with_AgentOS_across_two_runs_of_one_session()
    {
        await using var page = await Servers.StartPageAsync();
        await using var agentOS = await Servers.StartAgentOSAsync(page.Origin(), Key);
        await using var chromium = await Chromium.LaunchAsync();

        var (result, console) = await OpenAsync(chromium, page, agentOS, "cross-origin-chat.png");

        result.GetProperty("ok").GetBoolean().ShouldBeTrue($"{result}\n{console}");
        result.GetProperty("health").GetString().ShouldBe("200 ok");
        var events = result.GetProperty("events").EnumerateArray().Select(e => e.GetString()).ToList();
        events[0].ShouldBe("RunStarted");
        events.ShouldContain("RunContent");
        events[^1].ShouldBe("RunCompleted");
        result.GetProperty("first").GetString().ShouldBe("You said: \"Hello from the browser\". This is the first message of our conversation. (Answered offline; plug in a real IChatClient for real answers.)");
        result.GetProperty("second").GetString().ShouldBe("You said: \"Do you remember me?\". That makes 2 messages from you in this conversation. (Answered offline; plug in a real IChatClient for real answers.)");
        var sessionId = result.GetProperty("sessionId").GetString();
        result.GetProperty("sessions").EnumerateArray().Select(s => s.GetString()).ShouldBe([sessionId]);
    }

    [Fact]
    public async Task A_page_from_another_origin_is_blocked_by_the_browser_and_reaches_no_run()
    {
        await using var allowed = await Servers.StartPageAsync();
        await using var other = await Servers.StartPageAsync();
        await using var agentOS = await Servers.StartAgentOSAsync(allowed.Origin(), Key);
        await using var chromium = await Chromium.LaunchAsync();

        var (result, console) = await OpenAsync(chromium, other, agentOS, "cross-origin-blocked.png");

        result.GetProperty("ok").GetBoolean().ShouldBeFalse(result.ToString());
        result.GetProperty("error").GetString().ShouldBe("TypeError: Failed to fetch");
        console.ShouldContain("CORS");
        // No session of any kind, owner or user: the query's filters are all left open.
        var sessions = await agentOS.Services.GetRequiredService<ISessionStore>().ListAsync(new SessionQuery());
        sessions.TotalCount.ShouldBe(0);
    }

    /// <summary>Opens the page against AgentOS, waits for its script to finish, keeps a screenshot; returns its result and the browser's console.</summary>
    private static async Task<(JsonElement Result, string Console)> OpenAsync(Chromium chromium, WebApplication page, WebApplication agentOS, string screenshot)
    {
        var tab = await chromium.NewPageAsync();
        var console = new List<string>();
        tab.Console += (_, message) => { lock (console) { console.Add($"{message.Type}: {message.Text}"); } };

        await tab.GotoAsync($"{page.Origin()}/?api={Uri.EscapeDataString(agentOS.Origin())}&key={Key}");
        await tab.WaitForFunctionAsync("() => window.result !== undefined", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var json = await tab.EvaluateAsync<string>("() => JSON.stringify(window.result)");

        await Chromium.ScreenshotAsync(tab, screenshot);
        lock (console)
        {
            return (JsonDocument.Parse(json).RootElement.Clone(), string.Join('\n', console));
        }
    }
}
