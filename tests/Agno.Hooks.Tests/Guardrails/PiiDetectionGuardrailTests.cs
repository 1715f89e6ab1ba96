using System.Text.Json.Nodes;
using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.Tests.Guardrails;

public sealed class PiiDetectionGuardrailTests
{
    public static TheoryData<string, string> EveryKind => new()
    {
        { "My SSN is 123-45-6789.", "SSN" },
        { "Card: 4111 1111 1111 1111", "Credit Card" },
        { "Card: 4111-1111-1111-1111", "Credit Card" },
        { "Card: 4111111111111111", "Credit Card" },
        { "Write to jane.doe+news@example.co.uk please", "Email" },
        { "Call 555-123-4567 today", "Phone" },
        { "Call 555.123.4567 today", "Phone" },
        { "Call 555 123 4567 today", "Phone" },
        { "Call 5551234567 today", "Phone" },
    };

    public static TheoryData<string> NearMisses => new()
    {
        "SSN-like but short: 123-45-678",
        "Digits grouped otherwise: 12-345-6789",
        "Fifteen digits: 4111 1111 1111 111",
        "No top-level domain: jane@localhost",
        "One-letter domain: jane@example.c",
        "Seven digits: 555-1234",
        "An order number: 12345",
        "A version: 1.2.3.4",
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Each_kind_is_detected_and_named_as_Agno_names_it(string message, string kind)
    {
        var check = Should.Throw<InputCheckException>(() => Guardrail().Check(new RunInput(message)));

        check.Message.ShouldBe("Potential PII detected in input");
        check.Trigger.ShouldBe(CheckTrigger.PiiDetected);
        check.ErrorType.ShouldBe("input_check_error");
        Kinds(check.AdditionalData).ShouldBe([kind]);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Each_kind_is_masked_in_place_with_stars_of_the_same_length(string message, string kind)
    {
        _ = kind;
        var input = new RunInput(message);

        Guardrail(o => o.Mask = true).Check(input);

        input.Content.Length.ShouldBe(message.Length);
        input.Content.ShouldContain(new string('*', 7));
        Should.NotThrow(() => Guardrail().Check(new RunInput(input.Content)));
        // Only the match changes: the words around it stay.
        input.Content.Split(' ')[0].ShouldBe(message.Split(' ')[0]);
    }

    [Fact]
    public void Masking_replaces_exactly_the_match()
    {
        var input = new RunInput("SSN 123-45-6789, mail a@b.io.");

        Guardrail(o => o.Mask = true).Check(input);

        input.Content.ShouldBe("SSN ***********, mail ******.");
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void Near_misses_are_not_detected(string message)
    {
        Should.NotThrow(() => Guardrail().Check(new RunInput(message)));
        var input = new RunInput(message);
        Guardrail(o => o.Mask = true).Check(input);
        input.Content.ShouldBe(message);
    }

    [Fact]
    public void Several_kinds_are_reported_in_Agnos_order()
    {
        var check = Should.Throw<InputCheckException>(() =>
            Guardrail().Check(new RunInput("call 555-123-4567 or mail x@y.org, SSN 123-45-6789")));

        Kinds(check.AdditionalData).ShouldBe(["SSN", "Email", "Phone"]);
    }

    [Theory]
    [InlineData("SSN")]
    [InlineData("Credit Card")]
    [InlineData("Email")]
    [InlineData("Phone")]
    public void Each_kind_can_be_switched_off(string kind)
    {
        var guardrail = Guardrail(o =>
        {
            o.DetectSsn = kind != "SSN";
            o.DetectCreditCard = kind != "Credit Card";
            o.DetectEmail = kind != "Email";
            o.DetectPhone = kind != "Phone";
        });
        var message = EveryKind.First(row => (string)row[1] == kind)[0]!.ToString()!;

        Should.NotThrow(() => guardrail.Check(new RunInput(message)));
    }

    [Fact]
    public void The_earlier_messages_of_the_input_are_checked_too()
    {
        var input = new RunInput("What did I tell you?") { Messages = [new RunMessage("user", "My SSN is 123-45-6789"), new RunMessage("assistant", "Noted.")] };

        var check = Should.Throw<InputCheckException>(() => Guardrail().Check(input));

        Kinds(check.AdditionalData).ShouldBe(["SSN"]);
    }

    [Fact]
    public void The_earlier_messages_are_masked_too()
    {
        var input = new RunInput("Mail me at a@b.io") { Messages = [new RunMessage("user", "My SSN is 123-45-6789")] };

        Guardrail(o => o.Mask = true).Check(input);

        input.Content.ShouldBe("Mail me at ******");
        input.Messages[0].Text.ShouldBe("My SSN is ***********");
    }

    [Fact]
    public void Custom_patterns_are_detected_by_their_name_after_the_built_in_kinds()
    {
        var guardrail = Guardrail(o => o.CustomPatterns["Employee ID"] = @"\bEMP-\d{6}\b");

        var check = Should.Throw<InputCheckException>(() => guardrail.Check(new RunInput("I am EMP-123456, SSN 123-45-6789")));

        Kinds(check.AdditionalData).ShouldBe(["SSN", "Employee ID"]);
        Should.NotThrow(() => guardrail.Check(new RunInput("I am EMP-12345")));
    }

    [Fact]
    public void Custom_patterns_are_masked()
    {
        var input = new RunInput("Badge EMP-123456 at the door");

        Guardrail(o => { o.Mask = true; o.CustomPatterns["Employee ID"] = @"\bEMP-\d{6}\b"; }).Check(input);

        input.Content.ShouldBe("Badge ********** at the door");
    }

    [Fact]
    public void An_invalid_custom_pattern_fails_when_the_guardrail_is_created_naming_it()
    {
        using var services = new ServiceCollection().AddAgnoHooks().AddPiiDetection(o => o.CustomPatterns["Broken"] = "(unclosed").Services.BuildServiceProvider();

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<PiiDetectionGuardrail>());

        error.Message.ShouldContain("'Broken'");
    }

    [Fact]
    public void A_custom_pattern_that_times_out_counts_as_found()
    {
        var guardrail = Guardrail(o =>
        {
            o.CustomPatterns["Slow"] = "(a+)+$";
            o.CustomPatternTimeout = TimeSpan.FromMilliseconds(1);
        });

        var check = Should.Throw<InputCheckException>(() => guardrail.Check(new RunInput(new string('a', 5_000) + "!")));

        Kinds(check.AdditionalData).ShouldBe(["Slow"]);
    }

    [Fact]
    public async Task Through_an_agent_reject_mode_ends_the_run_before_the_model()
    {
        var model = new CountingChatClient();
        await using var host = HookTestHost.Create(hooks: h => h.AddPiiDetection());
        var agent = new Agent("pii-agent") { Model = model, Services = host.Services, PreHooks = { PiiDetectionGuardrail.CheckHook } };

        var output = await agent.RunAsync("My card is 4111 1111 1111 1111");

        output.Status.ShouldBe(RunStatus.Error);
        output.Content.ShouldBe("Potential PII detected in input");
        output.ErrorId.ShouldBe("pii_detected");
        output.ErrorType.ShouldBe("input_check_error");
        Kinds(output.ErrorData).ShouldBe(["Credit Card"]);
        model.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task Through_an_agent_mask_mode_shows_the_model_and_later_hooks_the_masked_text()
    {
        string? seenByLaterHook = null;
        await using var host = HookTestHost.Create(hooks: h => h.AddPiiDetection(o => o.Mask = true));
        var agent = new Agent("pii-agent") { Model = new OfflineChatClient(), Services = host.Services };
        agent.PreHooks.Add(TestHooks.Pre("later", c => seenByLaterHook = c.Input.Content));
        agent.PreHooks.Add(PiiDetectionGuardrail.CheckHook);

        var output = await agent.RunAsync("Mail jane@example.com about 123-45-6789");

        output.Status.ShouldBe(RunStatus.Completed);
        seenByLaterHook.ShouldBe("Mail **************** about ***********");
        output.Input!.Content.ShouldBe("Mail **************** about ***********");
        output.Content!.ShouldStartWith("You said: \"Mail **************** about ***********\"");
    }

    [Fact]
    public void The_runtime_registry_lists_the_built_in_hooks_without_clashing_with_this_assemblys()
    {
        global::Agno.Hooks.AgnoHooks.Find("PIIDetectionGuardrail").ShouldBeSameAs(PiiDetectionGuardrail.CheckHook);
        global::Agno.Hooks.AgnoHooks.All.ShouldContain(PromptInjectionGuardrail.CheckHook);
        AgnoHooks.Find("PIIDetectionGuardrail").ShouldBeNull();
        PiiDetectionGuardrail.CheckHook.Guardrail.ShouldBeTrue();
        PiiDetectionGuardrail.CheckHook.Stages.ShouldBe(HookStages.Any);
    }

    internal static IReadOnlyList<string> Kinds(JsonObject? data) =>
        [.. data!["detected_pii"]!.AsArray().Select(n => n!.GetValue<string>())];

    private static PiiDetectionGuardrail Guardrail(Action<PiiDetectionOptions>? configure = null)
    {
        var options = new PiiDetectionOptions();
        configure?.Invoke(options);
        return new PiiDetectionGuardrail(Options.Create(options));
    }
}
