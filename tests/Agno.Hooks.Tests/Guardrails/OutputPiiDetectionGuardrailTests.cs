using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Tests.Guardrails;

/// <summary>The offline model quotes the message, so a message with personal data gives an answer with it.</summary>
public sealed class OutputPiiDetectionGuardrailTests
{
    [Fact]
    public async Task Reject_mode_ends_the_run_with_an_output_check_error()
    {
        await using var host = HookTestHost.Create(hooks: h => h.AddOutputPiiDetection());
        var agent = new Agent("out-pii") { Model = new OfflineChatClient(), Services = host.Services, PostHooks = { OutputPiiDetectionGuardrail.CheckHook } };

        var output = await agent.RunAsync("Repeat after me: 555-123-4567");

        output.Status.ShouldBe(RunStatus.Error);
        output.Content.ShouldBe("Potential PII detected in output");
        output.ErrorType.ShouldBe("output_check_error");
        output.ErrorId.ShouldBe("pii_detected");
        PiiDetectionGuardrailTests.Kinds(output.ErrorData).ShouldBe(["Phone"]);
    }

    [Fact]
    public async Task Mask_mode_masks_the_answer_before_it_is_returned()
    {
        await using var host = HookTestHost.Create(hooks: h => h.AddOutputPiiDetection(o => o.Mask = true));
        var agent = new Agent("out-pii") { Model = new OfflineChatClient(), Services = host.Services, PostHooks = { OutputPiiDetectionGuardrail.CheckHook } };

        var output = await agent.RunAsync("Repeat after me: jane@example.com");

        output.Status.ShouldBe(RunStatus.Completed);
        output.Content!.ShouldStartWith("You said: \"Repeat after me: ****************\"");
        output.Content.ShouldNotContain("jane@example.com");
    }

    [Fact]
    public async Task When_streaming_every_delta_is_masked_and_they_add_up_to_the_final_content()
    {
        await using var host = HookTestHost.Create(hooks: h => h.AddOutputPiiDetection(o => o.Mask = true));
        var agent = new Agent("out-pii") { Model = new OfflineChatClient(), Services = host.Services, PostHooks = { OutputPiiDetectionGuardrail.CheckHook } };

        var events = new List<RunEvent>();
        await foreach (var runEvent in agent.RunStreamingAsync("Repeat after me: jane@example.com"))
        {
            events.Add(runEvent);
        }

        var deltas = events.Where(e => e.Kind == RunEventKind.RunContent).Select(e => e.Content!).ToList();
        deltas.ShouldNotBeEmpty();
        deltas.ShouldAllBe(delta => !delta.Contains("jane") && !delta.Contains("example.com"));
        var completed = events.Single(e => e.Kind == RunEventKind.RunCompleted);
        completed.Content!.ShouldContain("****************");
        string.Concat(deltas).ShouldBe(completed.Content);
        completed.Content.ShouldBe((await agent.RunAsync("Repeat after me: jane@example.com")).Content);
    }

    [Fact]
    public async Task An_answer_without_personal_data_passes()
    {
        await using var host = HookTestHost.Create(hooks: h => h.AddOutputPiiDetection());
        var agent = new Agent("out-pii") { Model = new OfflineChatClient(), Services = host.Services, PostHooks = { OutputPiiDetectionGuardrail.CheckHook } };

        var output = await agent.RunAsync("Nothing personal here");

        output.Status.ShouldBe(RunStatus.Completed);
        output.Content!.ShouldStartWith("You said: \"Nothing personal here\"");
    }
}
