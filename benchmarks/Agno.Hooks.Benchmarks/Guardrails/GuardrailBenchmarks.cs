using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using Microsoft.Extensions.Options;
using Perfolizer.Horology;

namespace Agno.Hooks.Benchmarks.Guardrails;

/// <summary>
/// The text guardrails on a 10 KB message (10,240 characters of prose with numbers, dates and prices, none of
/// them personal data): the PII check in reject mode (the four source-generated patterns over the whole text,
/// nothing found), the same with an SSN at the very end (so the run is rejected: the exception is part of the
/// cost), masking with five matches spread through the text, and the prompt-injection check (18 phrases, one
/// multi-string search) as a substring and as whole words. Baseline: Agno's way for injection, lower-casing
/// the message and searching for each phrase in turn.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MicrosecondsConfig))]
public class GuardrailBenchmarks
{
    private const int Length = 10 * 1024;

    private static readonly string[] Sentences =
    [
        "The quarterly report lists 12 new stores and a revenue of $4,210.50 per square metre. ",
        "Our support team answered 9876 tickets between 2026-01-04 and 2026-03-31, most within 2 hours. ",
        "Please describe the problem, the steps you took, and what you expected to happen instead. ",
        "Version 3.14.2 fixes the printer driver; see section 4.2 of the manual, pages 17 to 23. ",
        "A system of prompts and reminders helps new employees finish their onboarding in week one. ",
        "Shipping to zone 7 costs 15.99 and takes 3 to 5 working days, tracking included. ",
    ];

    private PiiDetectionGuardrail _detect = null!;
    private PiiDetectionGuardrail _mask = null!;
    private PromptInjectionGuardrail _injection = null!;
    private PromptInjectionGuardrail _injectionWholeWords = null!;
    private RunInput _clean = null!;
    private RunInput _withSsnAtTheEnd = null!;
    private string _withFiveMatches = null!;
    private string _cleanText = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cleanText = Prose(Length);
        _clean = new RunInput(_cleanText);
        _withSsnAtTheEnd = new RunInput(string.Concat(_cleanText.AsSpan(0, Length - 16), " SSN 123-45-6789"));
        _withFiveMatches = WithFiveMatches(_cleanText);
        _detect = new PiiDetectionGuardrail(Options.Create(new PiiDetectionOptions()));
        _mask = new PiiDetectionGuardrail(Options.Create(new PiiDetectionOptions { Mask = true }));
        _injection = new PromptInjectionGuardrail(Options.Create(new PromptInjectionOptions()));
        _injectionWholeWords = new PromptInjectionGuardrail(Options.Create(new PromptInjectionOptions { WholeWords = true }));

        // The message must be clean, or the benchmarks would measure something else.
        _detect.Check(_clean);
        _injection.Check(_clean);
        if (AgnoWay(_cleanText) || _cleanText.Length != Length || _withSsnAtTheEnd.Content.Length != Length)
        {
            throw new InvalidOperationException("The benchmark's message is not what it should be.");
        }
    }

    [Benchmark(Description = "PII: 10 KB, nothing found")]
    public void PiiClean() => _detect.Check(_clean);

    [Benchmark(Description = "PII: 10 KB, SSN at the end (rejected)")]
    public bool PiiRejected()
    {
        try
        {
            _detect.Check(_withSsnAtTheEnd);
            return false;
        }
        catch (InputCheckException)
        {
            return true;
        }
    }

    [Benchmark(Description = "PII mask: 10 KB, 5 matches")]
    public string PiiMask()
    {
        var input = new RunInput(_withFiveMatches);
        _mask.Check(input);
        return input.Content;
    }

    [Benchmark(Baseline = true, Description = "Injection, Agno's way: lower-case + 18 searches")]
    public bool InjectionAgnoWay() => AgnoWay(_cleanText);

    [Benchmark(Description = "Injection: 10 KB, substring")]
    public void Injection() => _injection.Check(_clean);

    [Benchmark(Description = "Injection: 10 KB, whole words")]
    public void InjectionWholeWords() => _injectionWholeWords.Check(_clean);

    private static bool AgnoWay(string message)
    {
        var lower = message.ToLowerInvariant();
        foreach (var phrase in PromptInjectionOptions.DefaultPhrases)
        {
            if (lower.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Prose(int length)
    {
        var text = new StringBuilder(length + 128);
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(Sentences[i % Sentences.Length]);
        }

        return text.ToString(0, length);
    }

    private static string WithFiveMatches(string text)
    {
        string[] matches = ["123-45-6789", "4111 1111 1111 1111", "jane.doe@example.com", "555-123-4567", "987-65-4321"];
        var result = new StringBuilder(text);
        for (var i = 0; i < matches.Length; i++)
        {
            var at = (i + 1) * (text.Length / (matches.Length + 1));
            result.Remove(at, matches[i].Length + 2).Insert(at, " " + matches[i] + " ");
        }

        return result.ToString();
    }

    private sealed class MicrosecondsConfig : ManualConfig
    {
        public MicrosecondsConfig() => SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Microsecond);
    }
}
