using System.Text.Json;
using Agno.Hooks.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Agno.Hooks.AgentOS.BrowserTests;

/// <summary>
/// Issue 25 in a real headless Chromium: a page that renders a streamed run's answer delta by delta, as Agno's web UI
/// does, shows it masked by the output PII guardrail while it streams, not only once the run has completed.
/// </summary>
public sealed class StreamingGuardrailBrowserTests
{
    private const string Key = "browser-key";
    private static readonly string EmailMask = new('*', PiiAnswer.Email.Length);
    private static readonly string PhoneMask = new('*', PiiAnswer.Phone.Length);

    [Fact]
    public async Task A_page_shows_a_streamed_answer_masked_while_it_streams()
    {
        // The model streams the e-mail address and the phone number (each split across chunks), then waits.
        var model = new PausingChatClient(PiiAnswer.ContactChunks, PiiAnswer.SsnChunks);
        var agent = new Agent("guarded") { Name = "Guarded", Model = model, PostHooks = { OutputPiiDetectionGuardrail.CheckHook } };
        await using var page = await Servers.StartPageAsync("stream.html");
        await using var agentOS = await Servers.StartAgentOSAsync(page.Origin(), Key, agent, services => services.AddAgnoHooks().AddOutputPiiDetection(pii => pii.Mask = true));
        await using var chromium = await Chromium.LaunchAsync();
        var tab = await chromium.NewPageAsync();
        var console = new List<string>();
        tab.Console += (_, message) => { lock (console) { console.Add($"{message.Type}: {message.Text}"); } };

        await tab.GotoAsync($"{page.Origin()}/?api={Uri.EscapeDataString(agentOS.Origin())}&key={Key}&agent=guarded&message={Uri.EscapeDataString("What is on file for me?")}");
        await model.Paused.WaitAsync(TimeSpan.FromSeconds(30));

        // Mid-stream, the model still waiting: once the page shows the answer past the phone number, it shows both
        // masked, and none of the data.
        var pastPhone = PiiAnswer.Raw.IndexOf(PiiAnswer.Phone, StringComparison.Ordinal) + PiiAnswer.Phone.Length;
        await tab.WaitForFunctionAsync("length => document.getElementById('answer').textContent.length >= length", pastPhone, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var midway = await tab.EvaluateAsync<string>("() => document.getElementById('answer').textContent");
        (await tab.EvaluateAsync<bool>("() => window.result === undefined")).ShouldBeTrue("the run is still streaming");
        PiiAnswer.ShouldRevealNone(midway, "the answer shown mid-stream");
        midway.ShouldContain(EmailMask);
        midway.ShouldContain(PhoneMask);
        PiiAnswer.Masked.ShouldStartWith(midway);
        await Chromium.ScreenshotAsync(tab, "stream-masked-midway.png");

        model.Resume();
        await tab.WaitForFunctionAsync("() => window.result !== undefined", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var result = JsonDocument.Parse(await tab.EvaluateAsync<string>("() => JSON.stringify(window.result)")).RootElement;
        await Chromium.ScreenshotAsync(tab, "stream-masked-final.png");

        lock (console)
        {
            result.GetProperty("ok").GetBoolean().ShouldBeTrue($"{result}\n{string.Join('\n', console)}");
        }

        // Every text the answer showed, delta by delta, was masked; it ended as the run's masked content.
        var rendered = result.GetProperty("rendered").EnumerateArray().Select(text => text.GetString()!).ToList();
        rendered.Count.ShouldBeGreaterThan(1);
        rendered.ShouldContain(midway);
        foreach (var shown in rendered)
        {
            PiiAnswer.ShouldRevealNone(shown, "the answer shown");
            PiiAnswer.Masked.ShouldStartWith(shown);
        }

        rendered[^1].ShouldBe(PiiAnswer.Masked);
        result.GetProperty("shown").GetString().ShouldBe(PiiAnswer.Masked);
        result.GetProperty("shown").GetString()!.ShouldContain("****");
        result.GetProperty("completed").GetString().ShouldBe(PiiAnswer.Masked);
        result.GetProperty("events").EnumerateArray().Last().GetString().ShouldBe("RunCompleted");
    }
}
