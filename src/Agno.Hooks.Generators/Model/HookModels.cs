namespace Agno.Hooks.Generators.Model;

/// <summary>
/// How the generated dispatcher binds a parameter; mirrors the runtime's <c>HookParameterKind</c>, whose member of the
/// same name the generated code names.
/// </summary>
internal enum ParameterBinding
{
    RunInput,
    RunOutput,
    Owner,
    RunContext,
    CancellationToken,
    Service,
    BackgroundExecutionInfo,
    Session,
    ToolCall,
    Next,
    ModelRequest,
    ToolExecution,
}

/// <summary>How the dispatcher turns the hook's return value into a <c>ValueTask</c>.</summary>
internal enum HookReturn
{
    Void,
    Task,
    ValueTask,
}

/// <summary>One parameter of a hook, as the dispatcher binds it.</summary>
/// <param name="Name">The declared name (for error messages at run time).</param>
/// <param name="Binding">Where the argument comes from.</param>
/// <param name="TypeName">The fully qualified type, without a top-level nullable annotation (usable in <c>typeof</c>); nested ones kept.</param>
/// <param name="NeedsCast">The context's property has a base type (owner or output subclass): the dispatcher casts.</param>
/// <param name="Nullable">Declared with <c>?</c>: a <see cref="ParameterBinding.BackgroundExecutionInfo"/> then gets null inline instead of an error.</param>
internal sealed record HookParameterModel(string Name, ParameterBinding Binding, string TypeName, bool NeedsCast, bool Nullable = false);

/// <summary>One type declaration the generated partial must repeat, outermost first.</summary>
/// <param name="Keyword">class, struct, interface, record or record struct.</param>
/// <param name="Name">The type's name, escaped if it is a keyword.</param>
internal sealed record TypeDeclarationModel(string Keyword, string Name);

/// <summary>The partial type that holds hooks.</summary>
/// <param name="Namespace">The namespace, or empty for the global namespace.</param>
/// <param name="Declarations">The type and its containing types, outermost first.</param>
/// <param name="FullyQualifiedName"><c>global::Ns.Outer.Inner</c>.</param>
/// <param name="DisplayName"><c>Ns.Outer.Inner</c>: the prefix of default hook names and the file's hint name.</param>
/// <param name="IsAccessibleInAssembly">Code elsewhere in the assembly can name it, so the registration table can list its hooks.</param>
/// <param name="IsRegistrableClass">A concrete class DI can build (for instance hooks).</param>
internal sealed record HookTypeModel(
    string Namespace,
    EquatableArray<TypeDeclarationModel> Declarations,
    string FullyQualifiedName,
    string DisplayName,
    bool IsAccessibleInAssembly,
    bool IsRegistrableClass);

/// <summary>A valid <c>[Hook]</c> method: everything the emitter needs, and nothing from the compilation.</summary>
/// <remarks>
/// Nothing about what a hook body writes: knowing it means binding every hook body, which with nullable enabled runs
/// flow analysis per body (measured: +5 to 10 s on a build of 1,000 hooks, against 0.4 s for the whole
/// generator). Marked hooks get AGNH001/AGNH002 from BackgroundHookWriteAnalyzer, on the compiler's own binding;
/// hooks the global setting sends to the background are caught when they write, by the runtime's copies.
/// </remarks>
internal sealed record HookModel(
    HookTypeModel ContainingType,
    string MethodName,
    string Name,
    bool IsStatic,
    HookReturn Return,
    EquatableArray<HookParameterModel> Parameters,
    bool RunInBackground,
    bool Guardrail);

/// <summary>The hooks of one partial type, ordered by method name.</summary>
internal sealed record HookTypeGroup(HookTypeModel Type, EquatableArray<HookModel> Hooks);

/// <summary>Everything the generator emits for one compilation.</summary>
/// <param name="Types">Hook types, ordered by name.</param>
/// <param name="Hooks">Every hook, ordered by name.</param>
internal sealed record HookSet(EquatableArray<HookTypeGroup> Types, EquatableArray<HookModel> Hooks);
