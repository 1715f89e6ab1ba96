using System.Text.Json;
using Microsoft.Playwright;

namespace Agno.Hooks.AgentOS.BrowserTests;

/// <summary>
/// Issue 22 in a real headless Chromium: a page that processes a streamed run as Agno's web UI (agent-ui) does, ported
/// in Pages/tool-chips.html, shows a chip per tool call made from our <c>ToolCall…</c> events while the run streams, and
/// ends with the chips <c>RunCompleted</c>'s <c>tools</c> describe. agent-ui's chip shows the tool's name; its arguments
/// and error flag are the state the chip holds (the page puts them on the chip as <c>data-*</c> attributes).
/// </summary>
public sealed class ToolCallChipBrowserTests
{
    private const string Key = "browser-key";
    private const string Message = "get_weather city=Paris";

    [Fact]
    public async Task A_tool_calls_chip_shows_while_the_call_runs_and_ends_as_RunCompleted_tells_it()
    {
        var tool = new GatedTool("get_weather", city => $"Sunny in {city}");

        var run = await StreamAsync(tool, "tool-chip");

        run.Final.GetProperty("content").GetString()!.ShouldContain("Sunny in Paris");
        ShouldEndAsRunCompletedTellsIt(run, expectedError: "false");
        EventsOf(run.Final).ShouldNotContain("ToolCallError");
    }

    [Fact]
    public async Task A_failing_tool_calls_chip_takes_its_error_from_ToolCallCompleted_as_agent_ui_ignores_ToolCallError()
    {
        var tool = new GatedTool("get_weather", city => throw new InvalidOperationException($"The database is down for {city}"));

        var run = await StreamAsync(tool, "tool-chip-error");

        ShouldEndAsRunCompletedTellsIt(run, expectedError: "true");
        // ToolCallError came after ToolCallCompleted and changed nothing on screen; the run itself didn't fail.
        var history = run.Final.GetProperty("history").EnumerateArray().ToList();
        var error = history.FindIndex(entry => entry.GetProperty("event").GetString() == "ToolCallError");
        error.ShouldBeGreaterThan(history.FindIndex(entry => entry.GetProperty("event").GetString() == "ToolCallCompleted"));
        JsonElement.DeepEquals(history[error].GetProperty("chips"), history[error - 1].GetProperty("chips")).ShouldBeTrue(history[error].ToString());
        run.Final.GetProperty("streamingError").GetBoolean().ShouldBeFalse();
        run.Final.GetProperty("content").GetString()!.ShouldContain("The tool failed.");
        run.Final.ToString().ShouldNotContain("database is down", customMessage: "the exception's text stays in the server's log");
    }

    /// <summary>
    /// Streams <see cref="Message"/> to an agent with <paramref name="tool"/> from the page; while the tool waits, checks
    /// the chip already shows, then lets the tool answer and returns what the page ended with. Keeps two screenshots.
    /// </summary>
    private static async Task<StreamedRun> StreamAsync(GatedTool tool, string screenshot)
    {
        var agent = new Agent("weather") { Name = "Weather", Model = new OfflineChatClient(), Tools = { tool.Function } };
        await using var page = await Servers.StartPageAsync("tool-chips.html");
        await using var agentOS = await Servers.StartAgentOSAsync(page.Origin(), Key, agent);
        await using var chromium = await Chromium.LaunchAsync();
        var tab = await chromium.NewPageAsync();
        var console = new List<string>();
        tab.Console += (_, message) => { lock (console) { console.Add($"{message.Type}: {message.Text}"); } };

        await tab.GotoAsync($"{page.Origin()}/?api={Uri.EscapeDataString(agentOS.Origin())}&key={Key}&agent=weather&message={Uri.EscapeDataString(Message)}");
        await tool.Called.WaitAsync(TimeSpan.FromSeconds(30));

        // The tool is still waiting, so the run can't have completed: the chip is there from ToolCallStarted alone, with
        // the name and arguments, and no error flag yet.
        await tab.WaitForSelectorAsync("#chips .tool-chip", new PageWaitForSelectorOptions { Timeout = 30_000 });
        var midway = await EvaluateJsonAsync(tab, "() => JSON.stringify(window.chipsOnScreen())");
        var eventsMidway = (await EvaluateJsonAsync(tab, "() => JSON.stringify(window.eventsSoFar())")).EnumerateArray().Select(e => e.GetString()).ToList();
        (await tab.EvaluateAsync<bool>("() => window.result === undefined")).ShouldBeTrue("the run is still streaming");
        eventsMidway.ShouldNotContain("RunCompleted");
        eventsMidway.ShouldNotContain("ToolCallCompleted");
        eventsMidway[^1].ShouldBe("ToolCallStarted");
        var chip = midway.EnumerateArray().ShouldHaveSingleItem();
        ShouldBeTheWeatherCall(chip);
        chip.GetProperty("toolCallError").ValueKind.ShouldBe(JsonValueKind.Null);
        await Chromium.ScreenshotAsync(tab, $"{screenshot}-midway.png");

        tool.Release();
        await tab.WaitForFunctionAsync("() => window.result !== undefined", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var final = await EvaluateJsonAsync(tab, "() => JSON.stringify(window.result)");
        await Chromium.ScreenshotAsync(tab, $"{screenshot}-final.png");
        lock (console)
        {
            final.GetProperty("ok").GetBoolean().ShouldBeTrue($"{final}\n{string.Join('\n', console)}");
        }

        return new StreamedRun(chip, final);
    }

    /// <summary>
    /// The one chip stayed one (each event updated it by its id) and ended with the error flag ToolCallCompleted gave it;
    /// <c>RunCompleted</c>'s <c>tools</c>, merged last, describe the chips on screen.
    /// </summary>
    private static void ShouldEndAsRunCompletedTellsIt(StreamedRun run, string expectedError)
    {
        var events = EventsOf(run.Final);
        events[^1].ShouldBe("RunCompleted");
        events.IndexOf("ToolCallCompleted").ShouldBeGreaterThan(events.IndexOf("ToolCallStarted"));

        var chip = run.Final.GetProperty("chips").EnumerateArray().ShouldHaveSingleItem();
        ShouldBeTheWeatherCall(chip);
        chip.GetProperty("key").GetString().ShouldBe(run.Midway.GetProperty("key").GetString());
        chip.GetProperty("toolCallError").GetString().ShouldBe(expectedError);

        // Before RunCompleted, from ToolCallCompleted: the chip had its error flag already.
        var completed = run.Final.GetProperty("history").EnumerateArray().Single(entry => entry.GetProperty("event").GetString() == "ToolCallCompleted");
        completed.GetProperty("chips").EnumerateArray().ShouldHaveSingleItem().GetProperty("toolCallError").GetString().ShouldBe(expectedError);

        var tools = run.Final.GetProperty("completedTools").EnumerateArray().ToList();
        var chips = run.Final.GetProperty("chips").EnumerateArray().ToList();
        tools.Count.ShouldBe(chips.Count);
        for (var i = 0; i < tools.Count; i++)
        {
            chips[i].GetProperty("toolCallId").GetString().ShouldBe(tools[i].GetProperty("tool_call_id").GetString());
            chips[i].GetProperty("shown").GetString().ShouldBe(tools[i].GetProperty("tool_name").GetString()!.ToUpperInvariant());
            JsonElement.DeepEquals(chips[i].GetProperty("toolArgs"), tools[i].GetProperty("tool_args")).ShouldBeTrue(tools[i].ToString());
            chips[i].GetProperty("toolCallError").GetString().ShouldBe(tools[i].GetProperty("tool_call_error").GetBoolean() ? "true" : "false");
        }
    }

    /// <summary>The chip agent-ui shows for the offline model's call of <c>get_weather city=Paris</c>: its name, upper-cased.</summary>
    private static void ShouldBeTheWeatherCall(JsonElement chip)
    {
        chip.GetProperty("shown").GetString().ShouldBe("GET_WEATHER");
        chip.GetProperty("toolCallId").GetString().ShouldBe("call_1");
        chip.GetProperty("key").GetString().ShouldBe("call_1");
        chip.GetProperty("toolArgs").GetRawText().ShouldBe("""{"city":"Paris"}""");
    }

    private static List<string> EventsOf(JsonElement result) => result.GetProperty("events").EnumerateArray().Select(e => e.GetString()!).ToList();

    private static async Task<JsonElement> EvaluateJsonAsync(IPage tab, string expression) =>
        JsonDocument.Parse(await tab.EvaluateAsync<string>(expression)).RootElement.Clone();

    /// <summary>The chip on screen while the tool waited, and what the page ended with.</summary>
    private sealed record StreamedRun(JsonElement Midway, JsonElement Final);
}
