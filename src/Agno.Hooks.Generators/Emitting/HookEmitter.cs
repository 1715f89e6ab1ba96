using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Agno.Hooks.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Agno.Hooks.Generators.Emitting;

/// <summary>
/// Writes the generated sources from a <see cref="HookSet"/>: one file per hook type with a descriptor
/// property per hook, and the assembly's <c>AgnoHooks</c> registration table.
/// </summary>
internal static class HookEmitter
{
    public const string RegistryHintName = "AgnoHooks.g.cs";

    /// <summary>The tool name in each descriptor's <c>[GeneratedCode]</c>: how the analyzers tell a generated descriptor.</summary>
    public const string GeneratorName = "Agno.Hooks.Generators";

    private const string Descriptor = "global::Agno.Hooks.HookDescriptor";
    private const string Parameter = "global::Agno.Hooks.HookParameter";
    private const string ParameterKind = "global::Agno.Hooks.HookParameterKind";
    private const string ServiceCollection = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
    private static readonly string GeneratedCode =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorName}\", \"{typeof(HookEmitter).Assembly.GetName().Version}\")]";

    public static void Emit(SourceProductionContext context, HookSet set, string assemblyName)
    {
        foreach (var group in set.Types)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.AddSource(TypeHintName(group.Type), SourceText.From(WriteType(group), Encoding.UTF8));
        }

        if (set.Hooks.Count > 0)
        {
            context.AddSource(RegistryHintName, SourceText.From(WriteRegistry(set, HookSetBuilder.NamespaceFor(assemblyName)), Encoding.UTF8));
        }
    }

    /// <summary>The hint name of a hook type's file: its name, which can't clash with the registry's.</summary>
    public static string TypeHintName(HookTypeModel type) => type.DisplayName.Replace('@', '_') + ".Hooks.g.cs";

    public static string WriteType(HookTypeGroup group)
    {
        using var text = new StringWriter { NewLine = "\n" };
        using var writer = new IndentedTextWriter(text, "    ");
        WriteHeader(writer);
        var type = group.Type;
        var inNamespace = type.Namespace.Length > 0;
        if (inNamespace)
        {
            writer.WriteLine($"namespace {type.Namespace}");
            OpenBrace(writer);
        }

        foreach (var declaration in type.Declarations)
        {
            writer.WriteLine($"partial {declaration.Keyword} {declaration.Name}");
            OpenBrace(writer);
        }

        for (var i = 0; i < group.Hooks.Count; i++)
        {
            if (i > 0)
            {
                writer.WriteLineNoTabs(string.Empty);
            }

            WriteDescriptor(writer, group.Hooks[i]);
        }

        for (var i = 0; i < type.Declarations.Count + (inNamespace ? 1 : 0); i++)
        {
            CloseBrace(writer);
        }

        return text.ToString();
    }

    /// <param name="set">The hooks.</param>
    /// <param name="registryNamespace">Where <c>AgnoHooks</c> goes: the assembly's name as a namespace; empty for the global namespace.</param>
    public static string WriteRegistry(HookSet set, string registryNamespace)
    {
        using var text = new StringWriter { NewLine = "\n" };
        using var writer = new IndentedTextWriter(text, "    ");
        WriteHeader(writer);
        var inNamespace = registryNamespace.Length > 0;
        if (inNamespace)
        {
            writer.WriteLine($"namespace {registryNamespace}");
            OpenBrace(writer);
        }

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The hooks of this assembly: every <c>[Hook]</c> descriptor, lookup by name, and the DI registration");
        writer.WriteLine("/// of hook classes (<c>services.AddAgnoHooksFrom&lt;AgnoHooks&gt;()</c>).");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(GeneratedCode);
        writer.WriteLine("internal sealed class AgnoHooks : global::Agno.Hooks.IHookRegistry");
        OpenBrace(writer);
        writer.WriteLine("private AgnoHooks()");
        OpenBrace(writer);
        CloseBrace(writer);
        writer.WriteLineNoTabs(string.Empty);

        writer.WriteLine("/// <summary>Every hook of this assembly, ordered by name.</summary>");
        writer.WriteLine($"public static global::System.Collections.Generic.IReadOnlyList<{Descriptor}> All {{ get; }} = global::System.Array.AsReadOnly(new {Descriptor}[]");
        OpenBrace(writer);
        foreach (var hook in set.Hooks)
        {
            if (hook.ContainingType.IsAccessibleInAssembly)
            {
                writer.WriteLine($"{PropertyReference(hook)},");
            }
        }

        writer.Indent--;
        writer.WriteLine("});");
        writer.WriteLineNoTabs(string.Empty);

        WriteFind(writer);
        writer.WriteLineNoTabs(string.Empty);

        writer.WriteLine("/// <summary>Registers the classes with instance hooks as singletons, unless already registered.</summary>");
        writer.WriteLine($"public static void AddHookServices({ServiceCollection} services)");
        OpenBrace(writer);
        var previous = string.Empty;
        foreach (var group in set.Types)
        {
            var type = group.Type;
            if (type.IsAccessibleInAssembly && type.IsRegistrableClass && HasInstanceHook(group) && type.FullyQualifiedName != previous)
            {
                writer.WriteLine($"global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<{type.FullyQualifiedName}>(services);");
                previous = type.FullyQualifiedName;
            }
        }

        CloseBrace(writer);
        CloseBrace(writer);
        if (inNamespace)
        {
            CloseBrace(writer);
        }

        return text.ToString();
    }

    /// <summary>
    /// <c>Find</c>: a lookup built from <c>All</c> at run time, on the first call. Not a <c>switch</c> over the
    /// names: the compiler's cost for a string switch grows faster than its arms (at 5,000 hooks it made the
    /// consumer's compile several times slower; see benchmarks/README.md). Names are unique (duplicates are
    /// dropped and reported as AGNH106); the loop keeps the first anyway, so the lookup can't throw while
    /// its type initializes.
    /// </summary>
    private static void WriteFind(IndentedTextWriter writer)
    {
        const string Lookup = $"global::System.Collections.Frozen.FrozenDictionary<string, {Descriptor}>";
        writer.WriteLine("/// <summary>The hook named <paramref name=\"name\"/>, or null.</summary>");
        writer.WriteLine($"public static {Descriptor}? Find(string name) =>");
        writer.Indent++;
        writer.WriteLine("name is not null && ByName.Hooks.TryGetValue(name, out var hook) ? hook : null;");
        writer.Indent--;
        writer.WriteLineNoTabs(string.Empty);
        writer.WriteLine("/// <summary>The hooks of <see cref=\"All\"/> by name (ordinal), built on the first <see cref=\"Find\"/>.</summary>");
        writer.WriteLine("private static class ByName");
        OpenBrace(writer);
        writer.WriteLine($"public static readonly {Lookup} Hooks = Create();");
        writer.WriteLineNoTabs(string.Empty);
        writer.WriteLine($"private static {Lookup} Create()");
        OpenBrace(writer);
        writer.WriteLine($"var hooks = new global::System.Collections.Generic.Dictionary<string, {Descriptor}>(All.Count, global::System.StringComparer.Ordinal);");
        writer.WriteLine("// Names are unique (the generator leaves out hooks that share one: AGNH106); TryAdd would keep the first.");
        writer.WriteLine("foreach (var hook in All)");
        OpenBrace(writer);
        writer.WriteLine("hooks.TryAdd(hook.Name, hook);");
        CloseBrace(writer);
        writer.WriteLineNoTabs(string.Empty);
        writer.WriteLine("return global::System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(hooks, global::System.StringComparer.Ordinal);");
        CloseBrace(writer);
        CloseBrace(writer);
    }

    private static void WriteDescriptor(IndentedTextWriter writer, HookModel hook)
    {
        var methodName = Identifiers.Escape(hook.MethodName);
        writer.WriteLine($"/// <summary>The hook descriptor of <c>{hook.MethodName}</c>, named <c>{Escape(hook.Name)}</c>: {Placement(hook)}.</summary>");
        writer.WriteLine(GeneratedCode);
        writer.WriteLine($"public static {Descriptor} {hook.MethodName}Hook {{ get; }} = new {Descriptor}(");
        writer.Indent++;
        writer.WriteLine($"{Literal(hook.Name)},");

        // A static lambda is cached in a static field: the dispatcher is allocated once, not per call.
        var target = hook.IsStatic
            ? hook.ContainingType.FullyQualifiedName
            : $"context.GetRequiredService<{hook.ContainingType.FullyQualifiedName}>()";
        var call = $"{target}.{methodName}({Arguments(hook)})";
        switch (hook.Return)
        {
            case HookReturn.Void:
                // The synchronous form: the pipeline calls it without a ValueTask, and the call can be a tail call.
                WriteParameters(writer, hook);
                writer.WriteLine(",");
                writer.Write($"static context => {call}");
                break;
            case HookReturn.Task:
                writer.WriteLine($"static context => new global::System.Threading.Tasks.ValueTask({call}),");
                WriteParameters(writer, hook);
                break;
            default:
                writer.WriteLine($"static context => {call},");
                WriteParameters(writer, hook);
                break;
        }

        if (!hook.IsStatic)
        {
            writer.WriteLine(",");
            writer.Write($"targetType: typeof({hook.ContainingType.FullyQualifiedName})");
        }

        if (!hook.RunInBackground && !hook.Guardrail)
        {
            writer.WriteLine(");");
            writer.Indent--;
            return;
        }

        writer.WriteLine(")");
        writer.Indent--;
        OpenBrace(writer);
        if (hook.RunInBackground)
        {
            writer.WriteLine("RunInBackground = true,");
        }

        if (hook.Guardrail)
        {
            writer.WriteLine("Guardrail = true,");
        }

        writer.Indent--;
        writer.WriteLine("};");
    }

    /// <summary>
    /// Where the hook can be attached, and why not elsewhere: the runtime's rules (<see cref="HookPlacement"/>), so the
    /// comment never promises a list that would refuse the hook.
    /// </summary>
    private static string Placement(HookModel hook)
    {
        var bindings = hook.Parameters.Select(p => p.Binding).Distinct().ToList();
        var stages = HookPlacement.Allowed(bindings, hook.RunInBackground);
        if (stages == HookStages.Any)
        {
            return "attach it to any of an owner's hook lists";
        }

        // A hook kept out of one list only (PreHooks, for one that binds the output) says so: shorter than seven names.
        var excluded = HookStages.Any & ~stages;
        var where = HookPlacement.Lists.Count(list => (excluded & list.Stage) != 0) == 1
            ? "any of an owner's hook lists but " + HookPlacement.ListNames(excluded, "or")
            : "an owner's " + HookPlacement.ListNames(stages, "or");

        // Only what narrows the lists is a reason: a tool hook's output parameter doesn't.
        var bound = new List<string>();
        foreach (var binding in HookPlacement.Restricting)
        {
            if (bindings.Contains(binding) && HookPlacement.Allowed(bindings.Where(b => b != binding), hook.RunInBackground) != stages)
            {
                bound.Add(HookPlacement.Describe(binding));
            }
        }

        var because = bound.Count == 0 ? string.Empty : "binds " + HookPlacement.Join(bound, "and");
        if (hook.RunInBackground && HookPlacement.Allowed(bindings, runInBackground: false) != stages)
        {
            because = because.Length == 0 ? "runs in the background" : "runs in the background and " + because;
        }

        return $"attach it to {where} (it {because})";
    }

    private static void WriteParameters(IndentedTextWriter writer, HookModel hook)
    {
        if (hook.Parameters.Count == 0)
        {
            writer.Write($"global::System.Array.Empty<{Parameter}>()");
            return;
        }

        writer.WriteLine($"new {Parameter}[]");
        OpenBrace(writer);
        foreach (var parameter in hook.Parameters)
        {
            writer.WriteLine($"new {Parameter}({Literal(parameter.Name)}, {ParameterKind}.{parameter.Binding}, typeof({parameter.TypeName})),");
        }

        writer.Indent--;
        writer.Write("}");
    }

    private static string Arguments(HookModel hook)
    {
        var arguments = new StringBuilder();
        foreach (var parameter in hook.Parameters)
        {
            if (arguments.Length > 0)
            {
                arguments.Append(", ");
            }

            var value = parameter.Binding switch
            {
                ParameterBinding.RunInput => "context.Input",
                ParameterBinding.RunOutput => "context.RequiredOutput",
                ParameterBinding.Owner => "context.Owner",
                ParameterBinding.RunContext => "context.Run",
                ParameterBinding.CancellationToken => "context.CancellationToken",
                ParameterBinding.BackgroundExecutionInfo => parameter.Nullable ? "context.BackgroundExecution" : "context.RequiredBackgroundExecution",
                ParameterBinding.Session => "context.RequiredSession",
                ParameterBinding.ToolCall => "context.RequiredToolCall",
                ParameterBinding.ToolExecution => "context.RequiredToolExecution",
                ParameterBinding.ModelRequest => "context.RequiredModelRequest",
                ParameterBinding.Next => "context.RequiredNext",
                _ => $"context.GetRequiredService<{parameter.TypeName}>()",
            };
            arguments.Append(parameter.NeedsCast ? $"({parameter.TypeName}){value}" : value);
        }

        return arguments.ToString();
    }

    private static bool HasInstanceHook(HookTypeGroup group)
    {
        foreach (var hook in group.Hooks)
        {
            if (!hook.IsStatic)
            {
                return true;
            }
        }

        return false;
    }

    private static string PropertyReference(HookModel hook) => $"{hook.ContainingType.FullyQualifiedName}.{hook.MethodName}Hook";

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Escapes text for an XML doc comment.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static void WriteHeader(IndentedTextWriter writer)
    {
        writer.WriteLine("// <auto-generated/>");
        writer.WriteLine("#nullable enable");
        writer.WriteLineNoTabs(string.Empty);
    }

    private static void OpenBrace(IndentedTextWriter writer)
    {
        writer.WriteLine("{");
        writer.Indent++;
    }

    private static void CloseBrace(IndentedTextWriter writer)
    {
        writer.Indent--;
        writer.WriteLine("}");
    }
}
