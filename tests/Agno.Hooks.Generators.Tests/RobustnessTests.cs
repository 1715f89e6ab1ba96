using Agno.Hooks.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Agno.Hooks.Generators.Tests;

/// <summary>Broken and odd code, as an editor sees it mid-keystroke: the generator and analyzers must never throw.</summary>
public sealed class RobustnessTests
{
    private const string Usings = "using System; using System.Threading; using System.Threading.Tasks; using Agno.Hooks;\n";

    public static TheoryData<string, string> Corpus => new()
    {
        { "missing closing brace", "static partial class H { [Hook] static void M(RunInput i) { }" },
        { "missing method body", "static partial class H { [Hook] static void M(RunInput i) }" },
        { "incomplete parameter list", "static partial class H { [Hook] static void M(RunInput i, }" },
        { "no method name", "static partial class H { [Hook] static void (RunInput i) { } }" },
        { "no return type", "static partial class H { [Hook] static M(RunInput i) { } }" },
        { "unresolved parameter type", "static partial class H { [Hook] static void M(Missing m) { } }" },
        { "unresolved return type", "static partial class H { [Hook] static Missing M(RunInput i) => default; }" },
        { "unresolved generic argument", "static partial class H { [Hook] static void M(System.Collections.Generic.List<Missing> m) { } }" },
        { "unresolved attribute argument", "static partial class H { [Hook(Name = Missing.Name)] static void M(RunInput i) { } }" },
        { "attribute argument of the wrong type", "static partial class H { [Hook(Guardrail = \"yes\")] static void M(RunInput i) { } }" },
        { "unknown attribute property", "static partial class H { [Hook(Priority = 3)] static void M(RunInput i) { } }" },
        { "attribute on a field", "static partial class H { [Hook] static int F; }" },
        { "attribute on a local function", "static partial class H { static void Outer() { [Hook] static void Local(RunInput i) { } } }" },
        { "attribute on a property accessor", "partial class H { int P { [Hook] get => 0; } }" },
        { "attribute on an operator", "partial class H { [Hook] public static H operator +(H a, H b) => a; }" },
        { "attribute on a constructor", "partial class H { [Hook] public H() { } }" },
        { "explicit interface implementation", "interface I { void M(RunInput i); } partial class H : I { [Hook] void I.M(RunInput i) { } }" },
        { "abstract hook", "abstract partial class H { [Hook] public abstract void M(RunInput i); }" },
        { "extern hook", "static partial class H { [Hook] static extern void M(RunInput i); }" },
        { "partial method without body", "static partial class H { [Hook] static partial void M(RunInput i); }" },
        { "pointer parameter", "unsafe static partial class H { [Hook] static void M(int* p) { } }" },
        { "function pointer parameter", "unsafe static partial class H { [Hook] static void M(delegate*<void> p) { } }" },
        { "dynamic parameter", "static partial class H { [Hook] static void M(dynamic d) { } }" },
        { "params span", "static partial class H { [Hook] static void M(params ReadOnlySpan<int> values) { } }" },
        { "nullable value type parameter", "static partial class H { [Hook] static void M(int? value) { } }" },
        { "out parameter", "static partial class H { [Hook] static void M(out RunInput i) { i = null!; } }" },
        { "hook in a generic method in a generic type", "static partial class H<T> { [Hook] static void M<U>(T t, U u) { } }" },
        { "two attributes", "static partial class H { [Hook, Hook] static void M(RunInput i) { } }" },
        { "hook named with a keyword", "static partial class H { [Hook] static void @event(RunInput i) { } }" },
        { "type named with a keyword", "static partial class @class { [Hook] static void M(RunInput i) { } }" },
        { "file-local type", "file static partial class H { [Hook] static void M(RunInput i) { } }" },
        { "top-level statements", "Console.WriteLine(); static partial class H { [Hook] static void M(RunInput i) { } }" },
        { "hook in an enum", "enum E { [Hook] A }" },
        { "duplicate type declarations", "static partial class H { [Hook] static void M(RunInput i) { } } static class H { }" },
        { "hook returning generic task", "static partial class H { [Hook] static Task<int> M(RunInput i) => Task.FromResult(1); }" },
        { "async lambda-bodied hook", "static partial class H { [Hook] static async Task M(RunInput i) => await Task.Delay(1); }" },
        { "attribute written in full", "static partial class H { [Agno.Hooks.HookAttribute(RunInBackground = true)] static void M(RunOutput o) { } }" },
        { "hook with a default parameter value", "static partial class H { [Hook] static void M(RunInput i, int retries = 3) { } }" },
        { "background hook writing through broken code", "static partial class H { [Hook(RunInBackground = true)] static void M(RunInput i) { i.Missing = 1; i.Content = ; Missing(ref i.Content); foreach (var m in i.Nope) m.X = 1; } }" },
        { "background hook with an unfinished lambda", "static partial class H { [Hook(RunInBackground = true)] static void M(RunInput i) { Action a = () => i.Messages. } }" },
        { "background hook assigning to a method call", "static partial class H { [Hook(RunInBackground = true)] static void M(RunInput i) { i.Clone(null!) = null; i?.Content = \"x\"; } }" },
        { "arglist after a parameter", "static partial class H { [Hook] static void M(RunInput i, __arglist) { } }" },
        { "arglist alone", "static partial class H { [Hook] static void M(__arglist) { } }" },
        { "params array", "static partial class H { [Hook] static void M(RunInput i, params object[] rest) { } }" },
        { "params collection", "static partial class H { [Hook] static void M(RunInput i, params System.Collections.Generic.List<int> rest) { } }" },
        { "ref readonly parameter", "static partial class H { [Hook] static void M(ref readonly RunInput i) { } }" },
        { "in parameter", "static partial class H { [Hook] static void M(in RunInput i) { } }" },
        { "scoped ref parameter", "static partial class H { [Hook] static void M(scoped ref RunInput i) { } }" },
        { "scoped span parameter", "static partial class H { [Hook] static void M(scoped Span<int> s) { } }" },
        { "scoped on a class parameter", "static partial class H { [Hook] static void M(scoped RunInput s) { } }" },
        { "extension receiver", "static partial class H { [Hook] static void M(this RunInput i) { } }" },
        { "pointer array parameter", "unsafe static partial class H { [Hook] static void M(int*[] p) { } }" },
        { "TypedReference parameter", "static partial class H { [Hook] static void M(TypedReference r) { } }" },
        { "named tuple parameter", "static partial class H { [Hook] static void M((int A, string B) t) { } }" },
        { "nullable type arguments", "static partial class H { [Hook] static void M(System.Collections.Generic.Dictionary<string, object?> d, Action<string?> a, string?[] s) { } }" },
        { "file-local parameter type", "file class S { } static partial class H { [Hook] static void M(S s) { } }" },
        { "file-local type argument", "file class S { public class Inner { } } static partial class H { [Hook] static void M(System.Collections.Generic.List<S.Inner> s) { } }" },
        { "inaccessible parameter type", "class O { private class S { } } static partial class H { [Hook] static void M(O.S s) { } }" },
        { "ref-returning hook", "static partial class H { static RunInput x = null!; [Hook] static ref RunInput M() => ref x; }" },
        { "attribute on a lambda", "static partial class H { static void Outer() { var f = [Hook] (RunInput i) => { }; } }" },
        { "attribute on a simple lambda", "static partial class H { static void Outer() { Action<RunInput> f = [Hook] i => { }; } }" },
        { "parameters named like the dispatcher's", "static partial class H { [Hook] static void M(RunInput context, RunOutput global) { } }" },
        { "empty file", "" },
        { "garbage", "}}}} class partial [Hook] (((( void" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Neither_the_generator_nor_the_analyzers_throw(string description, string source)
    {
        var compilation = TestCompilation.Create("Odd", Usings + source);

        var (result, output, generatorDiagnostics) = TestCompilation.Generate(compilation);
        var analyzerDiagnostics = await TestCompilation.AnalyzeAsync(output);

        result.Exception.ShouldBeNull(description);
        generatorDiagnostics.Select(d => d.Id).ShouldNotContain("CS8785", description);
        analyzerDiagnostics.Select(d => d.Id).ShouldNotContain("AD0001", description);
        foreach (var generated in result.GeneratedSources)
        {
            // Whatever the user's code does wrong, the generated code adds no error or warning of its own (a warning
            // is an error under TreatWarningsAsErrors).
            output.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(generated.HintName, StringComparison.Ordinal) == true)
                .ShouldBeEmpty($"{description}: {generated.HintName}");
        }
    }
}
