using System.Net;
using Agno.Hooks.Hangfire.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Agno.Hooks.Hangfire.Tests;

/// <summary>
/// Hangfire's dashboard at /hooks/dashboard: behind AgentOS's policy (its security key), never open by omission, read-only, and showing what ran, in a real
/// headless Chromium (Debian's, through Playwright; never a downloaded browser).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DashboardTests(PostgresCluster postgres, ITestOutputHelper output)
{
    private const string Key = "dashboard-key";
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Behind_the_key_and_read_only_the_dashboard_shows_succeeded_and_failed_executions_in_a_browser()
    {
        const int runs = 3;
        var schema = PostgresCluster.NewSchema();
        var agent = DurableHost.Agent("dash-agent",
            DurableHost.Hook("dash.Fine", _ => default),
            DurableHost.Hook("dash.Broken", _ => throw new InvalidOperationException("broken on purpose")));
        await using var host = await DurableHost.StartAsync(postgres.ConnectionString, schema, agent,
            durable: d => d.MaxAttempts = 1,
            os: o => o.SecurityKey = Key);
        host.UseKey(Key);
        for (var i = 0; i < runs; i++)
        {
            await host.RunAsync("dash-agent", $"Hello {i}!");
        }

        using var state = new HangfireState(postgres.ConnectionString, schema);
        await Waits.UntilAsync(() => state.Statistics is { Succeeded: runs, Failed: runs }, "three Succeeded and three Failed executions");

        // Without the key, or with a wrong one: 401. With the bearer header: the page.
        using (var anonymous = new HttpClient { BaseAddress = host.Address })
        {
            (await anonymous.GetAsync("/hooks/dashboard")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await anonymous.GetAsync("/hooks/dashboard/jobs/succeeded?key=wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using (var page = await host.Client.GetAsync("/hooks/dashboard/jobs/failed"))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await page.Content.ReadAsStringAsync()).ShouldContain("dash.Broken: run");
        }

        // Read-only: a requeue is refused, and the failed executions stay failed.
        var failedJob = state.Failed()[0].JobId;
        using (var requeue = await host.Client.PostAsync("/hooks/dashboard/jobs/failed/requeue", new FormUrlEncodedContent([new("jobs[]", failedJob)])))
        {
            requeue.IsSuccessStatusCode.ShouldBeFalse($"read-only, yet the requeue answered {requeue.StatusCode}");
        }

        state.Statistics.Failed.ShouldBe(runs);

        // A browser can't send the header: ?key= once, then the cookie it set.
        File.Exists(Chromium).ShouldBeTrue($"Debian's chromium is not installed at {Chromium}: run scripts/install-test-dependencies.sh (never `playwright install`).");
        using var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("agno-hooks-chromium-");
        try
        {
            await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            });
            var tab = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();

            var succeeded = await tab.GotoAsync(new Uri(host.Address, $"/hooks/dashboard/jobs/succeeded?key={Key}").ToString());
            succeeded!.Status.ShouldBe(200);
            (await tab.Locator("#stats [data-metric='succeeded:count']").InnerTextAsync()).Trim().ShouldBe(runs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            (await tab.Locator("table").First.InnerTextAsync()).ShouldContain("dash.Fine: run");
            await ScreenshotAsync(tab, "dashboard-succeeded.png");

            var failed = await tab.GotoAsync(new Uri(host.Address, "/hooks/dashboard/jobs/failed").ToString());
            failed!.Status.ShouldBe(200, "the cookie set by ?key= lets the browser in");
            (await tab.Locator("#stats [data-metric='failed:count']").InnerTextAsync()).Trim().ShouldBe(runs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var failedText = await tab.Locator("body").InnerTextAsync();
            failedText.ShouldContain("dash.Broken: run");
            failedText.ShouldContain("broken on purpose");
            await ScreenshotAsync(tab, "dashboard-failed.png");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Mapped_on_AgentOS_the_dashboard_takes_its_policy_and_answers_401_with_Agnos_body()
    {
        await using var host = await DurableHost.StartAsync(postgres.ConnectionString, PostgresCluster.NewSchema(), DurableHost.Agent("dash-policy"),
            os: o => o.SecurityKey = Key);
        using var anonymous = new HttpClient { BaseAddress = host.Address };

        using (var response = await anonymous.GetAsync("/hooks/dashboard"))
        {
            await ShouldBeDetailAsync(response, HttpStatusCode.Unauthorized, "Authorization header required");
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/hooks/dashboard/jobs/succeeded"))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "wrong");
            using var response = await anonymous.SendAsync(request);
            await ShouldBeDetailAsync(response, HttpStatusCode.Unauthorized, "Invalid authentication token");
        }

        host.UseKey(Key);
        using (var page = await host.Client.GetAsync("/hooks/dashboard"))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        }
    }

    [Fact]
    public async Task Mapped_where_no_authorization_applies_the_dashboard_is_not_open()
    {
        // No security key: AgentOS is open, but the dashboard, mapped on the application rather than on AgentOS's group,
        // takes the default policy (an authenticated user) instead of none.
        await using var host = await DurableHost.StartAsync(postgres.ConnectionString, PostgresCluster.NewSchema(), DurableHost.Agent("dash-outside"),
            mapDashboard: app => app.MapAgnoHooksDashboard());

        (await host.Client.GetAsync("/agents")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.Client.GetAsync("/hooks/dashboard")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Switched_off_the_dashboard_is_not_mapped()
    {
        await using var host = await DurableHost.StartAsync(postgres.ConnectionString, PostgresCluster.NewSchema(), DurableHost.Agent("dash-off"),
            durable: d => d.EnableDashboard = false);

        (await host.Client.GetAsync("/agents")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.Client.GetAsync("/hooks/dashboard")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task ShouldBeDetailAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Select(p => p.Key).ShouldBe(["detail"]);
        body["detail"]!.GetValue<string>().ShouldBe(detail);
    }

    private async Task ScreenshotAsync(IPage tab, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var path = Path.Combine(folder, name);
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
        output.WriteLine($"Screenshot: {path}");
    }
}
