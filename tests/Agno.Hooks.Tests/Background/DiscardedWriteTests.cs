using System.Diagnostics.Metrics;
using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.Background;

/// <summary>
/// A background hook gets copies, so what it writes is lost. The analyzer catches marked hooks at compile time;
/// the global setting can only be seen at run time, where the copies notice writes: a warning per hook, naming
/// it and the member, and a count on the meter.
/// </summary>
public sealed class DiscardedWriteTests
{
    private const string Instrument = "agno.hooks.background.discarded_writes";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_background_pre_hook_that_writes_its_input_is_warned_of_and_counted(bool global)
    {
        await using var host = HookTestHost.Create(o => o.RunHooksInBackground = global);
        using var writes = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), AgnoHooksTelemetry.Name, Instrument);
        var agent = host.Agent();
        agent.PreHooks.Add(Pre("Redact", c => c.Input.Content = "[redacted]", background: !global));

        var output = await agent.RunAsync("my secret");
        await host.Executions.WaitForAsync(1);

        output.Input!.Content.ShouldBe("my secret", "the write was to a copy");
        Warnings(host).ShouldBe(["Background hook 'Redact' wrote RunInput.Content; the change was discarded because background hooks receive a copy. Make it inline (not RunInBackground, or a guardrail) to keep its changes, or stop writing."]);
        writes.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags["agno.hook.member"].ShouldBe("RunInput.Content");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_background_post_hook_that_writes_its_output_is_warned_of_and_counted(bool global)
    {
        await using var host = HookTestHost.Create(o => o.RunHooksInBackground = global);
        using var writes = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), AgnoHooksTelemetry.Name, Instrument);
        var agent = host.Agent();
        agent.PostHooks.Add(Post("Sign", c =>
        {
            c.Output!.Content += " -- signed";
            c.Output.Metrics.TotalTokens = 0;
        }, background: !global));

        await agent.RunAsync("Hi");
        await host.Executions.WaitForAsync(1);

        Warnings(host).ShouldHaveSingleItem().ShouldContain("'Sign' wrote RunOutput.Content, RunOutput.Metrics;");
        writes.GetMeasurementSnapshot().Select(m => (string)m.Tags["agno.hook.member"]!).ShouldBe(["RunOutput.Content", "RunOutput.Metrics"], ignoreOrder: true);
    }

    [Fact]
    public async Task Writes_to_history_metadata_and_session_state_are_seen_too()
    {
        await using var host = HookTestHost.Create(o => o.RunHooksInBackground = true);
        var agent = host.Agent();
        agent.PreHooks.Add(Pre("Annotate", c =>
        {
            c.Input.Messages[0].Text = "rewritten";
            c.Input.Metadata["seen"] = true;
            c.Run.SessionState.Remove("step");
        }));

        await agent.RunAsync("Hi", new RunOptions
        {
            Messages = [new RunMessage("user", "earlier")],
            Metadata = new() { ["source"] = "test" },
            SessionState = new() { ["step"] = 1 },
        });
        await host.Executions.WaitForAsync(1);

        Warnings(host).ShouldHaveSingleItem().ShouldContain("'Annotate' wrote RunInput.Messages, RunContext.Metadata, RunContext.SessionState;");
    }

    [Fact]
    public async Task Writes_to_history_metadata_state_and_arguments_a_run_was_not_given_are_seen_and_reads_are_not()
    {
        await using var host = HookTestHost.Create(o => o.RunHooksInBackground = true);
        var agent = host.Agent();
        agent.PreHooks.Add(Pre("Reader", c => _ = c.Input.Messages.Count + c.Input.Metadata.Count + c.Run.SessionState.Count + c.Run.Arguments.Count));
        agent.PreHooks.Add(Pre("Annotate", c =>
        {
            c.Input.Messages.Add(new RunMessage("user", "invented"));
            c.Input.Metadata["seen"] = true;
            c.Run.SessionState["step"] = 1;
            c.Run.Arguments["debug"] = true;
        }));

        await agent.RunAsync("Hi");
        await host.Executions.WaitForAsync(2);

        Warnings(host).ShouldHaveSingleItem().ShouldContain("'Annotate' wrote RunInput.Messages, RunContext.Metadata, RunContext.SessionState, RunContext.Arguments;");
    }

    [Fact]
    public async Task A_team_members_hook_under_the_global_setting_is_caught_and_named()
    {
        await using var host = HookTestHost.Create(o => o.RunHooksInBackground = true);
        var member = new Agent("member") { Model = new OfflineChatClient() };
        member.PreHooks.Add(Pre("MemberRedact", c => c.Input.Content = "x"));
        var team = new Team("team") { Model = new OfflineChatClient(), Services = host.Services, Mode = TeamMode.Route };
        team.Members.Add(member);

        await team.RunAsync("Hi");
        await host.Executions.WaitForAsync(1);

        Warnings(host).ShouldHaveSingleItem().ShouldStartWith("Background hook 'MemberRedact' wrote RunInput.Content;");
    }

    [Fact]
    public async Task Reading_is_not_writing_and_each_hook_is_warned_of_once_but_counted_every_time()
    {
        await using var host = HookTestHost.Create(o => o.RunHooksInBackground = true);
        using var writes = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), AgnoHooksTelemetry.Name, Instrument);
        var agent = host.Agent();
        var read = new List<string>();
        agent.PreHooks.Add(Pre("Reader", c =>
        {
            lock (read)
            {
                read.Add($"{c.Input.Content} {c.Input.Messages.Count} {c.Run.Metadata.Count} {c.Run.SessionState.Count}");
            }
        }));
        agent.PostHooks.Add(Post("OutputReader", c => _ = c.Output!.Content!.Length + c.Output.Metrics.TotalTokens));
        agent.PostHooks.Add(Post("Writer", c => c.Output!.Status = RunStatus.Error));

        var options = new RunOptions { Messages = [new RunMessage("user", "earlier")], Metadata = new() { ["a"] = 1 } };
        await agent.RunAsync("one", options);
        await agent.RunAsync("two", options);
        await host.Executions.WaitForAsync(6);

        read.Count.ShouldBe(2);
        Warnings(host).ShouldBe(["Background hook 'Writer' wrote RunOutput.Status; the change was discarded because background hooks receive a copy. Make it inline (not RunInBackground, or a guardrail) to keep its changes, or stop writing."]);
        writes.GetMeasurementSnapshot().Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_inline_hook_writes_freely()
    {
        await using var host = HookTestHost.Create();
        var agent = host.Agent();
        agent.PreHooks.Add(Pre("Redact", c => c.Input.Content = "[redacted]"));

        var output = await agent.RunAsync("my secret");

        output.Input!.Content.ShouldBe("[redacted]");
        Warnings(host).ShouldBeEmpty();
    }

    private static List<string> Warnings(HookTestHost host) =>
        host.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning && r.Message.Contains("was discarded")).Select(r => r.Message).ToList();
}
