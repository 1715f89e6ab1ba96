using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.Conformance;

/// <summary>
/// The output guardrails' rule, on every owner: no byte of an answer reaches a streaming caller before every output
/// guardrail of the run has seen it. The model's answer carries personal data or an injection phrase split across two
/// chunks at every offset of the match (and once a character a chunk); the caller must see none of it, masked text must
/// go out masked everywhere, and streamed and not-streamed runs must end the same.
/// </summary>
public abstract partial class RunConformanceTests
{
    private const string Before = "Write to ";
    private const string After = " today.";

    public static TheoryData<string> PersonalData => ["leak@example.com", "555-123-4567", "987-65-4320"];

    public static TheoryData<string, bool> Rejected => new()
    {
        { "leak@example.com", false },
        { "555-123-4567", false },
        { "987-65-4320", false },
        { "ignore previous instructions", true },
    };

    [Theory]
    [MemberData(nameof(PersonalData))]
    public async Task Masked_personal_data_never_streams_raw_wherever_the_chunks_split_it(string match)
    {
        foreach (var chunks in Splits(match))
        {
            var (expected, _, _) = await RunGuardedAsync(chunks, mask: true, injection: false, streamed: false);
            expected.Kind.ShouldBe(RunResultKind.Completed);
            expected.Content.ShouldBe(Before + new string('*', match.Length) + After, "the not-streamed answer is masked");

            var (result, subject, host) = await RunGuardedAsync(chunks, mask: true, injection: false, streamed: true);
            var split = string.Join(" | ", chunks);
            result.ShouldBe(expected, $"streamed and not, the same answer ({split})");
            string.Concat(subject.Deltas).ShouldBe(expected.Content, $"the deltas are the masked answer, nothing else ({split})");
            subject.Received.ShouldAllBe(text => !text.Contains(match, StringComparison.Ordinal), $"nothing the caller got has it ({split})");
            var copy = host.Background.Items.Single(i => i.HookName == "audit").Output!;
            copy.Content.ShouldBe(expected.Content);
            copy.Messages.ShouldAllBe(m => !m.Text.Contains(match, StringComparison.Ordinal), $"nor the background copy's messages ({split})");
        }
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task A_rejected_match_never_streams_any_of_it_wherever_the_chunks_split_it(string match, bool injection)
    {
        foreach (var chunks in Splits(match))
        {
            var (expected, _, _) = await RunGuardedAsync(chunks, mask: false, injection, streamed: false);
            expected.Kind.ShouldBe(RunResultKind.Rejected);

            var (result, subject, host) = await RunGuardedAsync(chunks, mask: false, injection, streamed: true);
            var split = string.Join(" | ", chunks);
            result.ShouldBe(expected, $"streamed and not, the same rejection ({split})");
            var sent = string.Concat(subject.Deltas);
            Before.StartsWith(sent, StringComparison.Ordinal).ShouldBeTrue($"only text before the match went out, got '{sent}' ({split})");
            var head = match[..3];
            subject.Received.ShouldAllBe(text => !text.Contains(head, StringComparison.OrdinalIgnoreCase), $"nothing the caller got has any of it ({split})");
            host.Background.Items.ShouldBeEmpty("a rejected run hands nothing over");
        }
    }

    [Fact]
    public async Task A_whole_answer_guardrail_holds_the_stream_until_it_has_passed_the_answer()
    {
        var subject = Create(Host);
        Host.Model.Answer = ["Hello", " world", ", all"];
        var deltasWhenChecked = -1;
        subject.Owner.PostHooks.Add(Post("review", context =>
        {
            deltasWhenChecked = subject.Deltas.Count;
            context.Output!.Content = context.Output.Content!.Replace("world", "there", StringComparison.Ordinal);
        }, guardrail: true));

        var result = await subject.RunAsync("Hi", streamed: true);

        result.ShouldBe(new RunResult(RunResultKind.Completed, "Hello there, all"));
        if (subject.StreamsOwnContent)
        {
            deltasWhenChecked.ShouldBe(0, "nothing of the answer went out before the guardrail had seen it");
            string.Concat(subject.Deltas).ShouldBe("Hello there, all", "what went out is what it passed");
        }
        else
        {
            // A workflow's answer streams as its steps' runs: a guardrail that can't check as the answer streams guards
            // its own run's answer (the one above), and its steps are guarded by theirs (incremental ones are passed down).
            deltasWhenChecked.ShouldBe(subject.Deltas.Count, "it ran once the steps had streamed");
        }
    }

    /// <summary>The answer split inside the match at every offset, then a character a chunk.</summary>
    private static IEnumerable<string[]> Splits(string match)
    {
        for (var offset = 1; offset < match.Length; offset++)
        {
            yield return [Before + match[..offset], match[offset..] + After];
        }

        yield return [.. (Before + match + After).Select(c => c.ToString())];
    }

    /// <summary>One run of a fresh owner whose output guardrail masks or rejects personal data, or rejects injection phrases.</summary>
    private async Task<(RunResult Result, OwnerUnderTest Subject, ConformanceHost Host)> RunGuardedAsync(string[] chunks, bool mask, bool injection, bool streamed)
    {
        var host = new ConformanceHost(services => services
            .AddSingleton(new OutputPiiDetectionGuardrail(new PiiDetectionOptions { Mask = mask }))
            .AddSingleton(new PromptInjectionGuardrail(Options.Create(new PromptInjectionOptions()))));
        host.Model.Answer = chunks;
        var subject = Create(host);
        subject.Owner.PostHooks.Add(injection ? PromptInjectionGuardrail.CheckOutputHook : OutputPiiDetectionGuardrail.CheckHook);
        subject.Owner.PostHooks.Add(Post("audit", _ => { }, background: true));
        return (await subject.RunAsync("Hi", streamed), subject, host);
    }
}
