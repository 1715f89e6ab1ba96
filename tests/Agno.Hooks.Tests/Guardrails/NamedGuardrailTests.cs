using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.Tests.Guardrails;

/// <summary>Named configurations: differently configured guardrails of one kind in one container, each on its own agents.</summary>
public sealed class NamedGuardrailTests
{
    [Fact]
    public async Task Two_input_PII_guardrails_with_different_custom_patterns_guard_two_agents_and_the_unnamed_one_a_third()
    {
        await using var host = HookTestHost.Create(hooks: h => h
            .AddPiiDetection()
            .AddPiiDetection("employees", o => o.CustomPatterns["Employee ID"] = @"\bEMP-\d{6}\b")
            .AddPiiDetection("tickets", o =>
            {
                o.Mask = true;
                o.CustomPatterns["Ticket"] = @"\bTCK-\d{4}\b";
            }));
        var hr = Agent(host, "hr", PiiDetectionGuardrail.CheckHook.Named("employees"));
        var support = Agent(host, "support", PiiDetectionGuardrail.CheckHook.Named("tickets"));
        var plain = Agent(host, "plain", PiiDetectionGuardrail.CheckHook);

        var rejected = await hr.RunAsync("Badge EMP-123456 about TCK-1234");
        var masked = await support.RunAsync("Badge EMP-123456 about TCK-1234");
        var passed = await plain.RunAsync("Badge EMP-123456 about TCK-1234");

        rejected.Status.ShouldBe(RunStatus.Error);
        rejected.ErrorId.ShouldBe("pii_detected");
        PiiDetectionGuardrailTests.Kinds(rejected.ErrorData).ShouldBe(["Employee ID"]);
        masked.Status.ShouldBe(RunStatus.Completed);
        masked.Input!.Content.ShouldBe("Badge EMP-123456 about ********");
        passed.Status.ShouldBe(RunStatus.Completed, "the unnamed configuration has no custom pattern");
        passed.Input!.Content.ShouldBe("Badge EMP-123456 about TCK-1234");
    }

    [Fact]
    public async Task One_agent_masks_its_input_with_one_configuration_and_rejects_its_output_with_another_each_named_in_its_events()
    {
        await using var host = HookTestHost.Create(hooks: h => h
            .AddPiiDetection("mask-input", o =>
            {
                o.Mask = true;
                o.DetectPhone = false;
            })
            .AddOutputPiiDetection("reject-output"));
        var agent = new Agent("both")
        {
            Model = new OfflineChatClient(),
            Services = host.Services,
            PreHooks = { PiiDetectionGuardrail.CheckHook.Named("mask-input") },
            PostHooks = { OutputPiiDetectionGuardrail.CheckHook.Named("reject-output") },
        };

        // The offline model quotes the message: the e-mail arrives masked, the phone (which the input lets through) does not.
        var events = new List<RunEvent>();
        await foreach (var runEvent in agent.RunStreamingAsync("Write to jane@example.com or call 555-123-4567"))
        {
            events.Add(runEvent);
        }

        var error = events.Single(e => e.Kind == RunEventKind.RunError);
        error.Output!.ErrorType.ShouldBe("output_check_error");
        PiiDetectionGuardrailTests.Kinds(error.Output.ErrorData).ShouldBe(["Phone"]);
        error.Output.Input!.Content.ShouldBe("Write to **************** or call 555-123-4567");
        events.Where(e => e.Kind == RunEventKind.PreHookStarted).Select(e => e.HookName).ShouldBe(["PIIDetectionGuardrail:mask-input"]);
        // Streamed, the output guardrail rejects as the phone streams past, before the post stage: no phone goes out.
        events.Where(e => e.Kind == RunEventKind.RunContent).ShouldAllBe(e => !e.Content!.Contains("555"));
        events.ShouldNotContain(e => e.Kind == RunEventKind.PostHookStarted);

        var notStreamed = await agent.RunAsync("Write to jane@example.com or call 555-123-4567");
        notStreamed.ErrorType.ShouldBe("output_check_error");
        notStreamed.ErrorId.ShouldBe(error.Output.ErrorId);
        notStreamed.Content.ShouldBe(error.Content);
    }

    [Fact]
    public async Task A_bad_named_configuration_stops_the_host_naming_the_configuration()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAgnoHooks()
            .AddPiiDetection(o => o.CustomPatterns["Fine"] = @"\d+")
            .AddPiiDetection("strict", o => o.CustomPatterns["Broken"] = "(unclosed");
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("PiiDetectionOptions 'strict'");
        error.Message.ShouldContain("'Broken'");
    }

    [Fact]
    public async Task A_hook_of_a_configuration_nobody_added_stops_the_host_naming_the_hook_and_the_name()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAgnoHooks().AddPiiDetection("strict");
        builder.Services.AddAgent(new Agent("typo") { Model = new OfflineChatClient(), PreHooks = { PiiDetectionGuardrail.CheckHook.Named("stirct") } });
        using var host = builder.Build();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => host.StartAsync());

        error.Message.ShouldContain("Hook 'PIIDetectionGuardrail:stirct' of 'typo'");
        error.Message.ShouldContain("PiiDetectionGuardrail named 'stirct', which is not registered");
    }

    [Fact]
    public void One_name_gives_one_descriptor_that_runs_as_the_hook_it_names()
    {
        var strict = PiiDetectionGuardrail.CheckHook.Named("strict");

        strict.ShouldBeSameAs(PiiDetectionGuardrail.CheckHook.Named("strict"));
        strict.ShouldNotBeSameAs(PiiDetectionGuardrail.CheckHook.Named("lenient"));
        strict.Name.ShouldBe("PIIDetectionGuardrail:strict");
        strict.ServiceKey.ShouldBe("strict");
        strict.Guardrail.ShouldBeTrue();
        strict.TargetType.ShouldBe(typeof(PiiDetectionGuardrail));
        strict.Parameters.ShouldBe(PiiDetectionGuardrail.CheckHook.Parameters);
        Should.Throw<InvalidOperationException>(() => strict.Named("again"));
        Should.Throw<InvalidOperationException>(() => TestHooks.Pre("static", _ => { }).Named("x"));
    }

    [Fact]
    public async Task A_guardrail_of_your_own_gets_options_validation_and_named_configurations_the_same_way()
    {
        await using var host = HookTestHost.Create(hooks: h => h
            .AddGuardrail<BannedWordGuardrail, BannedWordOptions>((_, options) => new BannedWordGuardrail(options), o => o.Word = "refund")
            .AddGuardrail<BannedWordGuardrail, BannedWordOptions>("legal", (_, options) => new BannedWordGuardrail(options), o => o.Word = "lawsuit", BannedWordOptions.Validate));
        var sales = Agent(host, "sales", BannedWordGuardrail.CheckHook);
        var legal = Agent(host, "legal", BannedWordGuardrail.CheckHook.Named("legal"));

        var salesRefund = await sales.RunAsync("I want a refund");
        var legalRefund = await legal.RunAsync("I want a refund");
        var legalSuit = await legal.RunAsync("See you in a lawsuit");

        salesRefund.ErrorId.ShouldBe("input_not_allowed");
        legalRefund.Status.ShouldBe(RunStatus.Completed);
        legalSuit.Content.ShouldBe("'lawsuit' is not allowed");

        using var bad = new ServiceCollection().AddAgnoHooks()
            .AddGuardrail<BannedWordGuardrail, BannedWordOptions>("empty", (_, options) => new BannedWordGuardrail(options), o => o.Word = " ", BannedWordOptions.Validate)
            .Services.BuildServiceProvider();
        var error = Should.Throw<OptionsValidationException>(() => bad.GetRequiredKeyedService<BannedWordGuardrail>("empty"));
        error.Message.ShouldBe("BannedWordOptions 'empty': Word is required.");
    }

    [Fact]
    public async Task A_named_guardrail_logs_under_its_own_name()
    {
        await using var host = HookTestHost.Create(hooks: h => h.AddPiiDetection("slow", o =>
        {
            o.CustomPatterns["Slow"] = "(a+)+$";
            o.CustomPatternTimeout = TimeSpan.FromMilliseconds(1);
        }));
        var agent = Agent(host, "slow", PiiDetectionGuardrail.CheckHook.Named("slow"));

        var output = await agent.RunAsync(new string('a', 5_000) + "!");

        output.ErrorId.ShouldBe("pii_detected");
        host.Messages(LogLevel.Warning).ShouldContain(m => m.Contains("'PIIDetectionGuardrail:slow' timed out"));
    }

    private static Agent Agent(HookTestHost host, string id, HookDescriptor preHook) =>
        new(id) { Model = new OfflineChatClient(), Services = host.Services, PreHooks = { preHook } };
}
