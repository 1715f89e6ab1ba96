using Agno.Hooks.Generators.Diagnostics;

namespace Agno.Hooks.CodeFixes.Tests;

public sealed class BackgroundHookWriteCodeFixTests
{
    private const string ForegroundKey = "BackgroundHookWriteCodeFix.Foreground";
    private const string GuardrailKey = "BackgroundHookWriteCodeFix.Guardrail";

    [Fact]
    public Task Running_in_the_foreground_removes_RunInBackground_once_per_hook() =>
        CodeFixVerifier<BackgroundHookWriteAnalyzer, BackgroundHookWriteCodeFix>.VerifyCodeFixAsync(
            """
            public static partial class Hooks
            {
                [Hook(RunInBackground = true)]
                public static void Trim(RunInput input)
                {
                    {|AGNH001:input.Content = input.Content.Trim()|};
                    {|AGNH001:input.Messages.Clear()|};
                }

                [Hook(Name = "score", RunInBackground = true)]
                public static void Score(RunOutput output) => {|AGNH002:output.Metadata["score"] = 1|};

                [Hook(RunInBackground = true, Name = "stamp")]
                public static void Stamp(RunOutput output) => {|AGNH002:output.Model = "m"|};
            }
            """,
            """
            public static partial class Hooks
            {
                [Hook]
                public static void Trim(RunInput input)
                {
                    input.Content = input.Content.Trim();
                    input.Messages.Clear();
                }

                [Hook(Name = "score")]
                public static void Score(RunOutput output) => output.Metadata["score"] = 1;

                [Hook(Name = "stamp")]
                public static void Stamp(RunOutput output) => output.Model = "m";
            }
            """,
            ForegroundKey);

    [Fact]
    public Task A_pre_hook_writing_its_input_can_become_a_guardrail() =>
        CodeFixVerifier<BackgroundHookWriteAnalyzer, BackgroundHookWriteCodeFix>.VerifyCodeFixAsync(
            """
            public static partial class Hooks
            {
                [Hook(RunInBackground = true)]
                public static void Mask(RunInput input)
                {
                    {|AGNH001:input.Content = input.Content.Replace("secret", "***")|};
                    var metadata = input.Metadata;
                    {|AGNH001:metadata["masked"] = true|};
                }

                [Hook(Name = "strip", RunInBackground = true)]
                public static void Strip(RunInput input) => {|AGNH001:input.Messages.RemoveAll(m => m.Role == "tool")|};
            }
            """,
            """
            public static partial class Hooks
            {
                [Hook(Guardrail = true)]
                public static void Mask(RunInput input)
                {
                    input.Content = input.Content.Replace("secret", "***");
                    var metadata = input.Metadata;
                    metadata["masked"] = true;
                }

                [Hook(Name = "strip", Guardrail = true)]
                public static void Strip(RunInput input) => input.Messages.RemoveAll(m => m.Role == "tool");
            }
            """,
            GuardrailKey);

    [Fact]
    public Task A_post_hook_is_not_offered_the_guardrail_fix()
    {
        // With the guardrail fix selected, nothing may change: a hook that binds RunOutput can't be a pre-hook guardrail.
        const string Source = """
            public static partial class Hooks
            {
                [Hook(RunInBackground = true)]
                public static void Log(RunInput input, RunOutput output) => {|AGNH001:input.Content = output.Content ?? ""|};
            }
            """;
        return CodeFixVerifier<BackgroundHookWriteAnalyzer, BackgroundHookWriteCodeFix>.VerifyCodeFixAsync(Source, Source, GuardrailKey);
    }
}
