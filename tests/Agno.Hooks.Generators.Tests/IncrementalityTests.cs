using System.Collections;
using System.Reflection;
using Agno.Hooks.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Agno.Hooks.Generators.Tests;

/// <summary>The pipeline caches what didn't change, and its models hold nothing from the compilation.</summary>
public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps =
    [
        HookGenerator.TrackingNames.Hooks,
        HookGenerator.TrackingNames.AssemblyName,
        HookGenerator.TrackingNames.HookSet,
    ];

    private const string Hooks = """
        using System.Threading.Tasks;
        using Agno.Hooks;

        namespace Shop;

        public static partial class AuditHooks
        {
            [Hook]
            public static void Log(RunInput input)
            {
                input.Content = input.Content.Trim();
            }

            [Hook(RunInBackground = true)]
            public static Task NotifyAsync(RunOutput output) => Task.CompletedTask;
        }
        """;

    private const string Unrelated = """
        namespace Shop;

        public sealed class Basket
        {
            public int Count { get; set; }
        }
        """;

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var result = RunTwice(Unrelated, Unrelated.Replace("public int Count", "public long Count"));

        foreach (var step in TrackedSteps)
        {
            Reasons(result.TrackedSteps[step]).ShouldAllBe(reason => reason == IncrementalStepRunReason.Cached || reason == IncrementalStepRunReason.Unchanged, step);
        }

        OutputReasons(result).ShouldAllBe(reason => reason == IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void A_change_to_a_hooks_body_leaves_the_output_unchanged()
    {
        var result = RunTwice(Hooks, Hooks.Replace("input.Content.Trim()", "input.Content.ToUpperInvariant()"), editHooks: true);

        // The edited method is parsed again, gives an equal model, and nothing after it runs.
        Reasons(result.TrackedSteps[HookGenerator.TrackingNames.Hooks]).ShouldAllBe(reason => reason == IncrementalStepRunReason.Cached || reason == IncrementalStepRunReason.Unchanged);
        Reasons(result.TrackedSteps[HookGenerator.TrackingNames.HookSet]).ShouldAllBe(reason => reason == IncrementalStepRunReason.Cached || reason == IncrementalStepRunReason.Unchanged);
        OutputReasons(result).ShouldAllBe(reason => reason == IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void A_change_to_a_signature_modifies_the_output()
    {
        var result = RunTwice(Hooks, Hooks.Replace("Log(RunInput input)", "Log(RunInput input, RunContext run)"), editHooks: true);

        Reasons(result.TrackedSteps[HookGenerator.TrackingNames.Hooks]).ShouldContain(IncrementalStepRunReason.Modified);
        Reasons(result.TrackedSteps[HookGenerator.TrackingNames.HookSet]).ShouldContain(IncrementalStepRunReason.Modified);
        OutputReasons(result).ShouldContain(IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void The_model_graph_holds_no_symbols_syntax_or_compilation()
    {
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(TestCompilation.Create("Shop", Hooks, Unrelated));
        var result = driver.GetRunResult().Results.Single();

        var visited = 0;
        foreach (var step in TrackedSteps)
        {
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var (value, _) in run.Outputs)
                {
                    visited += AssertNoCompilationObjects(value, new HashSet<object>(ReferenceEqualityComparer.Instance), path: step);
                }
            }
        }

        visited.ShouldBeGreaterThan(10);
    }

    private static GeneratorRunResult RunTwice(string before, string after, bool editHooks = false)
    {
        var compilation = TestCompilation.Create("Shop", Hooks, Unrelated);
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var oldTree = compilation.SyntaxTrees.Single(tree => tree.FilePath == (editHooks ? "Source0.cs" : "Source1.cs"));
        oldTree.ToString().ShouldBe(before);
        var newTree = CSharpSyntaxTree.ParseText(after, TestCompilation.ParseOptions, path: oldTree.FilePath);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree));
        return driver.GetRunResult().Results.Single();
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(IEnumerable<IncrementalGeneratorRunStep> steps) =>
        steps.SelectMany(step => step.Outputs).Select(output => output.Reason);

    private static IEnumerable<IncrementalStepRunReason> OutputReasons(GeneratorRunResult result) =>
        Reasons(result.TrackedOutputSteps.SelectMany(pair => pair.Value));

    /// <summary>Walks every field reachable from <paramref name="value"/>; returns how many objects it saw.</summary>
    private static int AssertNoCompilationObjects(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return 0;
        }

        var type = value.GetType();
        (value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel or AttributeData)
            .ShouldBeFalse($"{path} holds a {type.Name}");

        var count = 1;
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                count += AssertNoCompilationObjects(item, seen, $"{path}[{i++}]");
            }
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                count += AssertNoCompilationObjects(field.GetValue(value), seen, $"{path}.{field.Name}");
            }
        }

        return count;
    }
}
