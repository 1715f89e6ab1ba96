using System.Text;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.Tests.Guardrails;

/// <summary>
/// The incremental checks against their hooks: for any text and any way of cutting it into chunks, what a check lets out
/// adds up to what the hook makes of the whole text, it rejects exactly when the hook does, and it never holds back more
/// than its window.
/// </summary>
public sealed class OutputStreamCheckTests
{
    private static readonly RunContext Run = new("r", "s");
    private static readonly HookContext Context = new(HookStage.Post, new Agent("a"), Run, new RunInput("m", Run, messages: null), new RunOutput(Run, new Agent("a"), DateTimeOffset.UnixEpoch), EmptyServiceProvider.Instance, CancellationToken.None);

    // Pieces a model might write, personal data and near misses among them, joined at random.
    private static readonly string[] Pieces =
    [
        "Call ", "555-123-4567", "5551234567", "555.123.4567", " or ", "write to ", "jane.doe+tag@mail.example.co.uk", "a@b.io",
        "x@y", "@", "SSN ", "987-65-4320", "987-65-43201", "card ", "4111 1111 1111 1111", "4111-1111-1111-1111", "1234",
        " ", "\n", ".", "-", "*", "ignore previous instructions", "Ignore Previous", " instructions", "jailbreaking",
        "system prompt", "developer mode", "ok", "word", "12", "3-45", "-6789",
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Pii_masking_streamed_equals_masking_the_whole_text(int seed)
    {
        var random = new Random(seed);
        var text = RandomText(random);
        var guardrail = new OutputPiiDetectionGuardrail(new PiiDetectionOptions { Mask = true });
        var whole = new RunOutput(new RunContext("r", "s"), new Agent("a"), DateTimeOffset.UnixEpoch) { Content = text };
        guardrail.Check(whole);

        var check = guardrail.StartStreamCheck(Context).ShouldNotBeNull();
        var streamed = Stream(check, Chunks(text, random));

        streamed.ShouldBe(whole.Content, $"seed {seed}: {text}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Pii_rejection_streamed_happens_exactly_when_the_hook_rejects_and_lets_nothing_of_a_match_out(int seed)
    {
        var random = new Random(seed);
        var text = RandomText(random, personalData: seed % 3 != 0);
        var guardrail = new OutputPiiDetectionGuardrail(new PiiDetectionOptions());
        var whole = Rejection(() => guardrail.Check(new RunOutput(new RunContext("r", "s"), new Agent("a"), DateTimeOffset.UnixEpoch) { Content = text }));

        var check = guardrail.StartStreamCheck(Context).ShouldNotBeNull();
        var sent = new StringBuilder();
        var streamed = Rejection(() => Stream(check, Chunks(text, random), sent));

        var streamedRejected = streamed is not null;
        streamedRejected.ShouldBe(whole is not null, $"seed {seed}: {text}");
        streamed?.AdditionalData!.ToJsonString().ShouldBe(whole!.AdditionalData!.ToJsonString(), "the same kinds, every one the answer has");
        text.ShouldStartWith(sent.ToString());
        if (streamedRejected)
        {
            var first = FirstPersonalData(text);
            sent.Length.ShouldBeLessThanOrEqualTo(first, $"nothing from the first match on went out (seed {seed})");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Phrase_rejection_streamed_happens_exactly_when_the_hook_rejects(int seed)
    {
        var random = new Random(seed);
        var text = RandomText(random);
        foreach (var wholeWords in new[] { false, true })
        {
            var guardrail = new PromptInjectionGuardrail(Options.Create(new PromptInjectionOptions { WholeWords = wholeWords }));
            var wholeRejected = Rejects(() => guardrail.CheckOutput(new RunOutput(new RunContext("r", "s"), new Agent("a"), DateTimeOffset.UnixEpoch) { Content = text }));

            var check = guardrail.StartStreamCheck(Context).ShouldNotBeNull();
            var sent = new StringBuilder();
            var streamedRejected = Rejects(() => Stream(check, Chunks(text, random), sent));

            streamedRejected.ShouldBe(wholeRejected, $"seed {seed}, whole words {wholeWords}: {text}");
            text.ShouldStartWith(sent.ToString());
        }
    }

    [Fact]
    public void A_check_holds_back_no_more_than_its_window()
    {
        var guardrail = new OutputPiiDetectionGuardrail(new PiiDetectionOptions { Mask = true });
        var check = guardrail.StartStreamCheck(Context).ShouldNotBeNull();
        check.Window.ShouldBe(154, "the capped e-mail address is the longest match: 64 + 1 + 63 + 1 + 24, and the boundary after it");

        var fed = 0;
        var sent = 0;
        foreach (var token in Enumerable.Repeat("word ", 100))
        {
            fed += token.Length;
            sent += check.Append(token).Length;
            (fed - sent).ShouldBeLessThan(check.Window, "held back: less than a window");
        }

        sent += check.Complete().Length;
        sent.ShouldBe(fed);
    }

    [Fact]
    public void The_phrase_window_is_the_longest_phrase_and_the_character_after_it_for_whole_words()
    {
        var phrases = new PromptInjectionOptions { Phrases = ["jailbreak", "ignore previous instructions"] };
        new PromptInjectionGuardrail(Options.Create(phrases)).StartStreamCheck(Context)!.Window.ShouldBe(28);
        phrases.WholeWords = true;
        new PromptInjectionGuardrail(Options.Create(phrases)).StartStreamCheck(Context)!.Window.ShouldBe(29);
    }

    [Fact]
    public void Custom_patterns_check_incrementally_only_with_their_reach()
    {
        var options = new PiiDetectionOptions { Mask = true, CustomPatterns = { ["Employee ID"] = @"\bEMP-\d{6}\b" } };
        new OutputPiiDetectionGuardrail(options).StartStreamCheck(Context).ShouldBeNull("a pattern's reach can't be told from it: the answer is held whole");

        options.CustomPatternReach = 11;
        var check = new OutputPiiDetectionGuardrail(options).StartStreamCheck(Context).ShouldNotBeNull();
        check.Window.ShouldBe(154, "the built-in patterns reach further");
        Stream(check, ["ID EMP-12", "3456 done"]).ShouldBe("ID ********** done");

        options.DetectEmail = false;
        new OutputPiiDetectionGuardrail(options).StartStreamCheck(Context)!.Window.ShouldBe(20, "the credit card pattern, 19 and one");
    }

    [Fact]
    public void Masking_scans_once_and_the_first_match_wins()
    {
        var guardrail = new OutputPiiDetectionGuardrail(new PiiDetectionOptions { Mask = true });
        var output = new RunOutput(new RunContext("r", "s"), new Agent("a"), DateTimeOffset.UnixEpoch) { Content = "id 987-65-4320@mail.example.com end" };

        guardrail.Check(output);

        // The SSN starts first and is masked; what follows it is no address any more. (Agno, pattern after pattern, gives the same here.)
        output.Content.ShouldBe("id ***********@mail.example.com end");
    }

    private static string Stream(OutputStreamCheck check, IEnumerable<string> chunks)
    {
        var sent = new StringBuilder();
        Stream(check, chunks, sent);
        return sent.ToString();
    }

    /// <summary>Feeds the chunks and completes; <paramref name="sent"/> has what went out, even when the check rejects.</summary>
    private static void Stream(OutputStreamCheck check, IEnumerable<string> chunks, StringBuilder sent)
    {
        foreach (var chunk in chunks)
        {
            sent.Append(check.Append(chunk));
        }

        sent.Append(check.Complete());
    }

    private static bool Rejects(Action act) => Rejection(act) is not null;

    private static OutputCheckException? Rejection(Action act)
    {
        try
        {
            act();
            return null;
        }
        catch (OutputCheckException rejection)
        {
            return rejection;
        }
    }

    private static string RandomText(Random random, bool personalData = true)
    {
        var text = new StringBuilder();
        var count = random.Next(5, 60);
        for (var i = 0; i < count; i++)
        {
            var piece = Pieces[random.Next(Pieces.Length)];
            if (!personalData && FirstPersonalData(piece) < piece.Length)
            {
                continue;
            }

            text.Append(piece);
        }

        return text.ToString();
    }

    /// <summary>Where the first match of any built-in pattern starts, or the text's length.</summary>
    private static int FirstPersonalData(string text)
    {
        var patterns = new[] { PiiPatterns.SsnRegex(), PiiPatterns.CreditCardRegex(), PiiPatterns.EmailRegex(), PiiPatterns.PhoneRegex() };
        return patterns.Select(p => p.Match(text)).Where(m => m.Success).Select(m => m.Index).DefaultIfEmpty(text.Length).Min();
    }

    /// <summary>The text cut at random: single characters, tokens, long runs.</summary>
    private static List<string> Chunks(string text, Random random)
    {
        var chunks = new List<string>();
        var at = 0;
        while (at < text.Length)
        {
            var length = Math.Min(text.Length - at, random.Next(3) switch { 0 => 1, 1 => random.Next(1, 6), _ => random.Next(1, 200) });
            chunks.Add(text.Substring(at, length));
            at += length;
        }

        return chunks;
    }
}
