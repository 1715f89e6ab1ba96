using Agno.Hooks.Testing;
using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Agno.Hooks.Tests.Hooks;

/// <summary>The README's flow end to end, with descriptors the generator emitted from [Hook] methods.</summary>
public sealed class GeneratedHookTests
{
    private static (IHost Host, Agent Agent, ListAnalyticsSink Sink, HookLog Log) SupportHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var sink = new ListAnalyticsSink();
        var log = new HookLog();
        builder.Services.AddAgnoHooks();
        builder.Services.AddSingleton<IAnalyticsSink>(sink);
        builder.Services.AddSingleton(log);
        var agent = new Agent("support-agent")
        {
            Model = new OfflineChatClient(),
            Instructions = "You are a helpful support agent.",
            PreHooks = { SupportHooks.RejectSecretsHook, SupportHooks.RedactHook, SupportHooks.RecordHook },
            PostHooks = { SupportHooks.LogAnalyticsHook, SupportHooks.SignHook },
        };
        builder.Services.AddAgent(agent);

        // The background hook runs restored from JSON, dispatched by name, as a durable queue would run it.
        builder.Services.AddBackgroundRoundTrip();
        return (builder.Build(), agent, sink, log);
    }

    [Fact]
    public void The_generator_records_what_the_runtime_checks()
    {
        SupportHooks.RejectSecretsHook.Name.ShouldBe("Agno.Hooks.Tests.Support.SupportHooks.RejectSecrets");
        SupportHooks.RejectSecretsHook.Guardrail.ShouldBeTrue();
        SupportHooks.RedactHook.Stages.ShouldBe(HookStages.Any);
        SupportHooks.LogAnalyticsHook.RunInBackground.ShouldBeTrue();
        SupportHooks.LogAnalyticsHook.Stages.ShouldBe(HookStages.Post | HookStages.ToolCalls | HookStages.ModelCalls);
        SupportHooks.LogAnalyticsHook.OwnerKind.ShouldBe(HookOwnerKind.Agent);
        SupportHooks.LogAnalyticsHook.Parameters.Select(p => p.Kind).ShouldBe(
            [HookParameterKind.RunOutput, HookParameterKind.Owner, HookParameterKind.Service, HookParameterKind.CancellationToken]);
        SupportHooks.LogAnalyticsHook.ServiceTypes.ShouldBe([typeof(IAnalyticsSink)]);
        AgnoHooks.Find("Agno.Hooks.Tests.Support.SupportHooks.Redact").ShouldBeSameAs(SupportHooks.RedactHook);
    }

    [Fact]
    public async Task Inline_hooks_edit_the_run_and_the_background_hook_gets_its_service_after_the_run()
    {
        var (host, agent, sink, log) = SupportHost();
        using (host)
        {
            await host.StartAsync();
            var output = await agent.RunAsync("My card is 4111", new RunOptions { SessionId = "s1" });
            await host.StopAsync();

            output.Status.ShouldBe(RunStatus.Completed);
            output.Content!.ShouldStartWith("You said: \"My card is ****\"");
            output.Content.ShouldEndWith(" -- signed");
            log.Entries.ShouldBe(["s1:My card is ****"]);

            // The background copy was taken after the inline post-hooks, so it saw the signature too.
            sink.Written.ShouldBe([$"support-agent: {output.Content}"]);
            host.Services.GetRequiredService<RoundTripQueue>().RoundTrips.ShouldBe(1);
        }
    }

    [Fact]
    public async Task The_guardrail_rejects_and_nothing_else_runs()
    {
        var (host, agent, sink, log) = SupportHost();
        using (host)
        {
            await host.StartAsync();
            var output = await agent.RunAsync("my password is hunter2");
            await host.StopAsync();

            output.Status.ShouldBe(RunStatus.Error);
            output.ErrorId.ShouldBe("input_not_allowed");
            log.Entries.ShouldBeEmpty();
            sink.Written.ShouldBeEmpty();
            host.Services.GetRequiredService<BackgroundHookExecutor>().Statistics.Queued.ShouldBe(0);
        }
    }

    [Fact]
    public void A_post_only_generated_hook_can_not_be_a_pre_hook()
    {
        // AGNH121 reports this at compile time; what is tested here is the runtime's own check.
#pragma warning disable AGNH121
        var error = Should.Throw<HookBindingException>(() => new Agent("a") { Model = new OfflineChatClient() }.PreHooks.Add(SupportHooks.LogAnalyticsHook));
#pragma warning restore AGNH121

        error.ParameterName.ShouldBe("output");
    }

    [Fact]
    public async Task A_missing_service_of_a_generated_hook_stops_the_host()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAgnoHooks();
        builder.Services.AddAgent(new Agent("a") { Model = new OfflineChatClient(), PostHooks = { SupportHooks.LogAnalyticsHook } });
        using var host = builder.Build();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => host.StartAsync());

        error.Message.ShouldContain("'Agno.Hooks.Tests.Support.SupportHooks.LogAnalytics'");
        error.Message.ShouldContain("'sink'");
    }
}
