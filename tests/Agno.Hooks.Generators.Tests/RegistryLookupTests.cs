using System.Reflection;
using System.Text;
using Agno.Hooks.Generators.Emitting;
using Agno.Hooks.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Agno.Hooks.Generators.Tests;

/// <summary>
/// The generated registry's <c>Find</c>: a lookup built at run time from <c>All</c>, not a <c>switch</c> over
/// the names (whose compile time grows faster than its arms). Compiled, loaded and called.
/// </summary>
public sealed class RegistryLookupTests
{
    private const int Classes = 20;
    private const int HooksPerClass = 10;

    /// <summary>200 hooks, two named so that they differ only in case, one named with characters a literal escapes.</summary>
    private static readonly string Source = ManyHooks();

    private static readonly Lazy<Assembly> Compiled = new(() => TestCompilation.CompileAndLoad("LookupProbe", Source));

    [Fact]
    public void The_registry_has_no_switch_and_no_hook_name()
    {
        var (result, _, _) = TestCompilation.Generate(TestCompilation.Create("LookupProbe", Source));
        var registry = result.GeneratedSources.Single(s => s.HintName == HookEmitter.RegistryHintName).SyntaxTree.GetRoot();

        registry.DescendantNodes().OfType<SwitchExpressionSyntax>().ShouldBeEmpty();
        registry.DescendantNodes().OfType<SwitchStatementSyntax>().ShouldBeEmpty();
        registry.DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) && !t.Parent!.Ancestors().OfType<AttributeSyntax>().Any())
            .Select(t => t.ValueText)
            .ShouldBeEmpty("outside [GeneratedCode], no string: the names are in the descriptors, and the registry reads them from All");
    }

    [Fact]
    public void Find_returns_null_for_a_name_no_hook_has()
    {
        var registry = Compiled.Value.GetType("LookupProbe.AgnoHooks", throwOnError: true)!;

        Find(registry, "missing").ShouldBeNull();
        Find(registry, string.Empty).ShouldBeNull();
        Find(registry, null).ShouldBeNull();
        Find(registry, "LOOKUPPROBE.AREA0.HOOKS0.PRE0").ShouldBeNull("names are compared ordinally");
        Find(registry, "LookupProbe.Area0.Hooks0.Pre0 ").ShouldBeNull();
    }

    [Fact]
    public void Find_returns_each_hook_of_All_by_its_name()
    {
        var registry = Compiled.Value.GetType("LookupProbe.AgnoHooks", throwOnError: true)!;
        var all = All(registry);

        all.Count.ShouldBe(Classes * HooksPerClass);
        all.Select(h => h.Name).ShouldBeUnique();
        foreach (var hook in all)
        {
            Find(registry, hook.Name).ShouldBeSameAs(hook, hook.Name);
        }

        Find(registry, "audit")!.Name.ShouldBe("audit");
        Find(registry, "Audit")!.Name.ShouldBe("Audit");
        Find(registry, "audit").ShouldNotBeSameAs(Find(registry, "Audit"));
        Find(registry, "quote \" back\\slash\ttab é")!.Name.ShouldBe("quote \" back\\slash\ttab é");
    }

    [Fact]
    public void Hooks_sharing_a_name_are_left_out_and_the_others_are_found()
    {
        // AGNH106 (an analyzer error) reports the pair; the generator leaves both out, so the registry still
        // compiles and its lookup initializes without throwing. A new assembly: Find is its registry's first use.
        var assembly = TestCompilation.CompileAndLoad("LookupDuplicates", """
            using Agno.Hooks;

            namespace LookupDuplicates;

            public static partial class First
            {
                [Hook(Name = "shared")] public static void A(RunInput input) { }
                [Hook] public static void Kept(RunInput input) { }
            }

            public static partial class Second
            {
                [Hook(Name = "shared")] public static void B(RunInput input) { }
            }
            """);
        var registry = assembly.GetType("LookupDuplicates.AgnoHooks", throwOnError: true)!;

        Find(registry, "shared").ShouldBeNull();
        All(registry).Select(h => h.Name).ShouldBe(["LookupDuplicates.First.Kept"]);
        Find(registry, "LookupDuplicates.First.Kept").ShouldBeSameAs(All(registry)[0]);
    }

    private static IReadOnlyList<HookDescriptor> All(Type registry) =>
        (IReadOnlyList<HookDescriptor>)registry.GetProperty("All")!.GetValue(null)!;

    private static HookDescriptor? Find(Type registry, string? name) =>
        (HookDescriptor?)registry.GetMethod("Find")!.Invoke(null, [name]);

    private static string ManyHooks()
    {
        var source = new StringBuilder();
        source.AppendLine("using System.Threading.Tasks;");
        source.AppendLine("using Agno.Hooks;");
        for (var type = 0; type < Classes; type++)
        {
            source.AppendLine($"namespace LookupProbe.Area{type % 3}");
            source.AppendLine("{");
            source.AppendLine($"    public {(type % 2 == 0 ? "static" : "sealed")} partial class Hooks{type}");
            source.AppendLine("    {");
            var modifier = type % 2 == 0 ? "static " : string.Empty;
            for (var hook = 0; hook < HooksPerClass; hook++)
            {
                var name = (type, hook) switch
                {
                    (0, 1) => "[Hook(Name = \"audit\")]",
                    (1, 1) => "[Hook(Name = \"Audit\")]",
                    (2, 1) => "[Hook(Name = \"quote \\\" back\\\\slash\\ttab é\")]",
                    _ => "[Hook]",
                };
                source.AppendLine(hook % 2 == 0
                    ? $"        {name} public {modifier}void Pre{hook}(RunInput input) {{ }}"
                    : $"        {name} public {modifier}Task Post{hook}(RunOutput output) => Task.CompletedTask;");
            }

            source.AppendLine("    }");
            source.AppendLine("}");
        }

        return source.ToString();
    }
}
