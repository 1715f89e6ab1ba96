using System.Text.RegularExpressions;
using Agno.Hooks.Hangfire.Tests.Infrastructure;

namespace Agno.Hooks.Hangfire.Tests;

/// <summary>
/// examples/DurableBackgroundHooks as a real process on a real PostgreSQL: SIGKILL while hooks run, or SIGTERM while
/// hooks wait, and a restart finishes every one of them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class CrashRecoveryTests(PostgresCluster postgres)
{
    private const string Example = "DurableBackgroundHooks";
    private const string Agent = "durable-agent";

    [Fact]
    public async Task Killed_with_SIGKILL_mid_hook_a_restart_runs_every_hook_and_each_execution_succeeds_once()
    {
        const int runs = 20;
        var schema = PostgresCluster.NewSchema();
        var environment = Environment(schema, workers: runs, slowAudit: TimeSpan.FromSeconds(4));
        var runIds = new List<string>();
        string firstLife;
        await using (var first = await ExampleProcess.StartAsync(Example, environment))
        {
            await Task.WhenAll(Enumerable.Range(0, runs).Select(async i =>
            {
                var runId = await PostAsync(first, $"Hello {i}!");
                lock (runIds)
                {
                    runIds.Add(runId);
                }
            }));

            // Every slow hook has started (each takes 4 s): kill the process under them.
            await first.WaitForLinesAsync("[SlowAudit] start", runs);
            await first.KillAsync();
            firstLife = first.Output;
        }

        var startedBefore = ExecutionIds(firstLife, "[SlowAudit] start");
        var interrupted = startedBefore.Except(ExecutionIds(firstLife, "[SlowAudit] end")).ToHashSet();
        interrupted.ShouldNotBeEmpty("the kill came while slow hooks ran");

        await using var second = await ExampleProcess.StartAsync(Example, environment);
        using var state = new HangfireState(postgres.ConnectionString, schema);
        await Waits.UntilAsync(() => state.Statistics.Succeeded == 2 * runs, "every execution succeeded in Hangfire");

        var lives = firstLife + "\n" + second.Output;
        foreach (var runId in runIds)
        {
            lives.ShouldContain($"[SlowAudit] end: run '{runId}'", customMessage: "the slow hook of every run ends, at least once");
            lives.ShouldContain($"[RecordAnswer] end: run '{runId}'", customMessage: "the fast hook of every run ends, before or after the crash");
        }

        // The interrupted executions ran again after the restart, as their second attempt, under the same ids.
        var restarted = ExecutionIds(second.Output, "[SlowAudit] start");
        restarted.IsSupersetOf(interrupted).ShouldBeTrue("every interrupted execution ran again");
        restarted.IsSubsetOf(startedBefore).ShouldBeTrue("nothing new ran");
        second.Lines("[SlowAudit] start").ShouldAllBe(line => line.Contains("attempt 2"));

        var succeeded = state.Succeeded();
        var slow = succeeded.Where(s => s.Execution.HookName == "DurableBackgroundHooks.DurableHooks.SlowAudit").ToList();
        slow.Count.ShouldBe(runs);
        slow.Select(s => s.Execution.ExecutionId).Distinct().Count().ShouldBe(runs, "exactly 20 distinct slow executions succeeded");
        slow.Select(s => s.Execution.RunId).ToHashSet().SetEquals(runIds).ShouldBeTrue();
        succeeded.Select(s => s.Execution.ExecutionId).Distinct().Count().ShouldBe(2 * runs, "each execution succeeded once");
        state.Statistics.Failed.ShouldBe(0);
    }

    [Fact]
    public async Task Stopped_with_SIGTERM_it_leaves_unstarted_hooks_queued_and_a_restart_runs_them()
    {
        const int runs = 6;
        var schema = PostgresCluster.NewSchema();
        var environment = Environment(schema, workers: 1, slowAudit: TimeSpan.FromSeconds(1));
        var runIds = new List<string>();
        string firstLife;
        await using (var first = await ExampleProcess.StartAsync(Example, environment))
        {
            for (var i = 0; i < runs; i++)
            {
                runIds.Add(await PostAsync(first, $"Hello {i}!"));
            }

            // One worker, twelve executions of which one is running: stop now.
            await first.WaitForLinesAsync("[SlowAudit] start", 1);
            (await first.StopAsync()).ShouldBe(0, first.Output);
            firstLife = first.Output;
        }

        var finishedBefore = firstLife.Split('\n').Count(l => l.Contains("] end: run", StringComparison.Ordinal));
        finishedBefore.ShouldBeLessThan(2 * runs, "the stop came before the work was done");
        firstLife.ShouldNotContain("fail:");

        using var state = new HangfireState(postgres.ConnectionString, schema);
        state.Statistics.Enqueued.ShouldBe(2 * runs - finishedBefore, "what did not run is still queued");

        await using var second = await ExampleProcess.StartAsync(Example, environment);
        await Waits.UntilAsync(() => state.Statistics.Succeeded == 2 * runs, "every execution succeeded after the restart");
        var lives = firstLife + "\n" + second.Output;
        foreach (var runId in runIds)
        {
            lives.ShouldContain($"[SlowAudit] end: run '{runId}'");
            lives.ShouldContain($"[RecordAnswer] end: run '{runId}'");
        }

        state.Succeeded().Select(s => s.Execution.ExecutionId).Distinct().Count().ShouldBe(2 * runs, "each execution succeeded once");
    }

    private Dictionary<string, string> Environment(string schema, int workers, TimeSpan slowAudit) => new()
    {
        ["ConnectionStrings__AgnoHooks"] = postgres.ConnectionString,
        ["AgnoHooks__MaxConcurrency"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AgnoHooks__Durable__SchemaName"] = schema,
        ["AgnoHooks__Durable__InvisibilityTimeout"] = "00:00:03",
        ["AgnoHooks__Durable__QueuePollInterval"] = "00:00:00.200",
        ["AgnoHooks__Durable__ShutdownGracePeriod"] = "00:00:05",
        ["DurableExample__SlowAuditDuration"] = slowAudit.ToString(),
    };

    private static async Task<string> PostAsync(ExampleProcess example, string message)
    {
        using var form = new MultipartFormDataContent { { new StringContent(message), "message" }, { new StringContent("false"), "stream" } };
        using var response = await example.Client.PostAsync($"/agents/{Agent}/runs", form);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return System.Text.Json.Nodes.JsonNode.Parse(body)!["run_id"]!.GetValue<string>();
    }

    private static HashSet<string> ExecutionIds(string output, string text) =>
        output.Split('\n').Where(line => line.Contains(text, StringComparison.Ordinal)).Select(line => ExecutionId().Match(line).Groups[1].Value).ToHashSet();

    [GeneratedRegex("execution '([0-9a-f]+)'")]
    private static partial Regex ExecutionId();
}
