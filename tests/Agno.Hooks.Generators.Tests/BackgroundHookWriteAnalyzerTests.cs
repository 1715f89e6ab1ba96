using Agno.Hooks.Generators.Diagnostics;
using Agno.Hooks.Generators.Tests.Support;
using Microsoft.CodeAnalysis.Testing;

namespace Agno.Hooks.Generators.Tests;

/// <summary>
/// AGNH001/AGNH002: every kind of write, through every kind of alias, is reported at the write (the <c>{|#0:…|}</c>
/// span); reads, copies, fresh objects and foreground hooks are not.
/// </summary>
public sealed class BackgroundHookWriteAnalyzerTests
{
    private const string Types = """
        public sealed class CountingOutput : RunOutput
        {
            public int Count;
        }

        public static class Helpers
        {
            public static void Fill(out string value) => value = "x";
            public static void Touch(RunInput input) { }
        }

        """;

    /// <summary>Body, the id expected at #0, and the member named in the message.</summary>
    public static TheoryData<string, string, string> Writes => new()
    {
        // Assignments.
        { "{|#0:input.Content = \"x\"|};", "AGNH001", "Content" },
        { "{|#0:input.Content += \"!\"|};", "AGNH001", "Content" },
        { "{|#0:input.Content ??= \"x\"|};", "AGNH001", "Content" },
        { "{|#0:output.Content = null|};", "AGNH002", "Content" },
        { "{|#0:output.Status = RunStatus.Error|};", "AGNH002", "Status" },
        { "{|#0:output.Metrics.InputTokens++|};", "AGNH002", "Metrics" },
        { "{|#0:++output.Metrics.OutputTokens|};", "AGNH002", "Metrics" },
        { "{|#0:output.Metrics.TotalTokens--|};", "AGNH002", "Metrics" },
        { "{|#0:output.Metrics.TotalTokens *= 2|};", "AGNH002", "Metrics" },
        { "{|#0:output.Input = null|};", "AGNH002", "Input" },
        // Nested members and indexers.
        { "{|#0:input.Metadata[\"k\"] = 1|};", "AGNH001", "Metadata" },
        { "{|#0:input.SessionState[\"k\"] = \"v\"|};", "AGNH001", "SessionState" },
        { "{|#0:input.Messages[0].Text = \"x\"|};", "AGNH001", "Messages" },
        { "{|#0:input.Messages[0] = new RunMessage(\"user\", \"x\")|};", "AGNH001", "Messages" },
        { "{|#0:output.Metadata[\"score\"] = 0.5|};", "AGNH002", "Metadata" },
        { "{|#0:output.Input!.Content = \"x\"|};", "AGNH002", "Input" },
        // Mutating calls.
        { "{|#0:input.Messages.Add(new RunMessage(\"user\", \"x\"))|};", "AGNH001", "Messages" },
        { "{|#0:input.Messages.Clear()|};", "AGNH001", "Messages" },
        { "{|#0:input.Messages.Insert(0, new RunMessage(\"system\", \"x\"))|};", "AGNH001", "Messages" },
        { "{|#0:input.Messages.RemoveAt(0)|};", "AGNH001", "Messages" },
        { "{|#0:input.Messages.RemoveAll(m => m.Role == \"tool\")|};", "AGNH001", "Messages" },
        { "{|#0:input.Metadata.Remove(\"k\")|};", "AGNH001", "Metadata" },
        { "{|#0:input.Metadata.Add(\"k\", 1)|};", "AGNH001", "Metadata" },
        { "{|#0:output.Metadata.Clear()|};", "AGNH002", "Metadata" },
        { "{|#0:input.Messages.Sort((a, b) => 0)|};", "AGNH001", "Messages" },
        // ref and out.
        { "System.Threading.Interlocked.Increment({|#0:ref counting.Count|});", "AGNH002", "Count" },
        { "System.Threading.Interlocked.Exchange({|#0:ref counting.Count|}, 0);", "AGNH002", "Count" },
        { "int.TryParse(\"1\", {|#0:out counting.Count|});", "AGNH002", "Count" },
        // Deconstruction into members.
        { "{|#0:(output.Content, output.Model) = (\"a\", \"b\")|};", "AGNH002", "Content" },
        { "{|#0:(input.Content, _) = (\"a\", 1)|};", "AGNH001", "Content" },
        // Aliases: locals.
        { "var i = input; {|#0:i.Content = \"x\"|};", "AGNH001", "Content" },
        { "var m = input.Messages; {|#0:m.Clear()|};", "AGNH001", "Messages" },
        { "var meta = output.Metadata; {|#0:meta[\"k\"] = 1|};", "AGNH002", "Metadata" },
        { "RunInput i; i = input; {|#0:i.Content = \"x\"|};", "AGNH001", "Content" },
        { "var a = input; var b = a; {|#0:b.Content = \"x\"|};", "AGNH001", "Content" },
        // Aliases: pattern variables.
        { "if (input is { } x) {|#0:x.Content = \"x\"|};", "AGNH001", "Content" },
        { "if (input is var x) {|#0:x.Content = \"x\"|};", "AGNH001", "Content" },
        { "if (input is { Metadata: var m }) {|#0:m.Clear()|};", "AGNH001", "Metadata" },
        { "switch (output) { case { } o: {|#0:o.Content = \"x\"|}; break; }", "AGNH002", "Content" },
        // Aliases: lambdas and local functions.
        { "System.Action act = () => {|#0:input.Content = \"x\"|}; act();", "AGNH001", "Content" },
        { "Write(); void Write() => {|#0:output.Content = \"x\"|};", "AGNH002", "Content" },
        { "System.Action<string> set = s => {|#0:input.Metadata[\"k\"] = s|};", "AGNH001", "Metadata" },
        // Aliases: foreach over mutable collections.
        { "foreach (var message in input.Messages) {|#0:message.Text = \"x\"|};", "AGNH001", "Messages" },
        { "foreach (var message in input.Messages) { if (message.Role == \"user\") {|#0:message.Text += \"!\"|}; }", "AGNH001", "Messages" },
        // Conditional access.
        { "{|#0:input?.Metadata.Clear()|};", "AGNH001", "Metadata" },
        { "{|#0:output.Input?.Messages.Clear()|};", "AGNH002", "Input" },
    };

    /// <summary>Bodies with no write that counts.</summary>
    public static TheoryData<string> NotWrites => new()
    {
        "var content = input.Content;",
        "var count = input.Messages.Count + output.Metadata.Count;",
        "System.Console.WriteLine(output.Content);",
        "if (input.Content.Length > 10) { System.Console.WriteLine(\"long\"); }",
        "foreach (var message in input.Messages) { System.Console.WriteLine(message.Text); }",
        "var found = input.Metadata.ContainsKey(\"k\");",
        "var copy = input.Clone(run); copy.Content = \"x\";",
        "var copy = input.Clone(run); copy.Messages.Clear();",
        "var metrics = output.Metrics.Clone(); metrics.InputTokens++;",
        "var messages = input.Messages.ToList(); messages.Clear();",
        "var message = new RunMessage(\"user\", input.Content); message.Text = \"x\";",
        "var fresh = new RunInput(input.Content) { Content = \"x\" };",
        "var list = new List<RunMessage>(input.Messages); list.Add(new RunMessage(\"user\", \"x\"));",
        "foreach (var message in input.Messages.Select(m => m.Clone())) { message.Text = \"x\"; }",
        "var shadow = new RunInput(\"x\"); shadow.Content = \"y\";",
        "{ var input2 = new RunInput(\"x\"); input2.Content = \"y\"; }",
        "System.Func<RunInput, string> read = i => i.Content;",
        "var json = input.Metadata.ToJsonString();",
        "var text = output.Content ?? \"none\";",
        "Helpers.Touch(input);",
        "var local = 0; local++; local += 2;",
        "string value; Helpers.Fill(out value);",
        "var tuple = (input.Content, output.Content);",
        "var (a, b) = (input.Content, output.Content);",
        "var other = run.Metadata; other[\"k\"] = 1;",
        "if (input is { Content: var c }) { c = \"x\"; }",
        // Shadowing: a lambda's or local function's own parameter named like the hook's is another object.
        "System.Action<RunInput> reset = input => input.Content = \"\"; reset(new RunInput(\"x\"));",
        "Reset(new RunInput(\"x\")); static void Reset(RunInput input) => input.Messages.Clear();",
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public Task A_background_hook_writing_its_input_or_output_is_reported_at_the_write(string body, string id, string member) =>
        AnalyzerVerifier.VerifyAsync<BackgroundHookWriteAnalyzer>(
            Hook(body, background: true),
            new DiagnosticResult(id == "AGNH001" ? DiagnosticDescriptors.BackgroundHookWritesInput : DiagnosticDescriptors.BackgroundHookWritesOutput)
                .WithLocation(0)
                .WithArguments("Log", id == "AGNH001" ? "RunInput" : "RunOutput", member));

    [Theory]
    [MemberData(nameof(NotWrites))]
    public Task Reads_copies_and_fresh_objects_are_not_reported(string body) =>
        AnalyzerVerifier.VerifyAsync<BackgroundHookWriteAnalyzer>(Hook(body, background: true));

    [Theory]
    [InlineData("input.Content = \"x\"; output.Metadata.Clear();")]
    [InlineData("var i = input; i.Messages.Add(new RunMessage(\"user\", \"x\"));")]
    public Task Foreground_hooks_may_write(string body) =>
        AnalyzerVerifier.VerifyAsync<BackgroundHookWriteAnalyzer>(Hook(body, background: false));

    [Fact]
    public Task A_write_to_a_RunOutput_subclass_names_the_subclass() =>
        AnalyzerVerifier.VerifyAsync<BackgroundHookWriteAnalyzer>(
            Types + """
            public static partial class Hooks
            {
                [Hook(RunInBackground = true)]
                public static void Count(CountingOutput output) => {|#0:output.Count = 1|};
            }
            """,
            new DiagnosticResult(DiagnosticDescriptors.BackgroundHookWritesOutput).WithLocation(0).WithArguments("Count", "CountingOutput", "Count"));

    [Fact]
    public Task The_warning_can_be_suppressed_with_a_pragma() =>
        AnalyzerVerifier.VerifyAsync<BackgroundHookWriteAnalyzer>(Hook("""
            #pragma warning disable AGNH001
                    input.Content = "x";
            #pragma warning restore AGNH001
            """, background: true));

    private static string Hook(string body, bool background) => Types + $$"""
        public static partial class Hooks
        {
            [Hook(RunInBackground = {{(background ? "true" : "false")}})]
            public static void Log(RunInput input, RunOutput output, RunContext run)
            {
                var counting = (CountingOutput)output;
                {{body}}
            }
        }
        """;
}
