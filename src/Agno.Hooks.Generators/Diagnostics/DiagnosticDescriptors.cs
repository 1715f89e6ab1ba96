using Microsoft.CodeAnalysis;

namespace Agno.Hooks.Generators.Diagnostics;

/// <summary>
/// Every diagnostic of Agno.Hooks, in one place. AGNH001–AGNH099 are about what hooks do (their bodies);
/// AGNH101 and up about how they are declared and attached. Each id has a page in docs/diagnostics.
/// </summary>
public static class DiagnosticDescriptors
{
    private const string Category = "Agno.Hooks";
    // The pages live in docs/diagnostics/ of this repository; change this one line if the repository moves.
    private const string HelpLinkBase = "https://github.com/agno-hooks/Agno.Hooks/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor BackgroundHookWritesInput = new(
        "AGNH001",
        "A background hook writes RunInput",
        "Background hook '{0}' writes {1}.{2}; the change is discarded because background hooks receive a copy",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A background hook runs after the run, on a copy of its input: nothing it writes there reaches the model or the response.",
        helpLinkUri: HelpLinkBase + "AGNH001.md");

    public static readonly DiagnosticDescriptor BackgroundHookWritesOutput = new(
        "AGNH002",
        "A background hook writes RunOutput",
        "Background hook '{0}' writes {1}.{2}; the change is discarded because the response has already been sent and background hooks receive a copy",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A background hook runs after the response has been sent, on a copy of the output: nothing it writes there reaches the caller.",
        helpLinkUri: HelpLinkBase + "AGNH002.md");

    public static readonly DiagnosticDescriptor HookTypeMustBePartial = Error(
        "AGNH101",
        "A type with hooks must be partial",
        "Type '{0}' declares hooks, so it and every type containing it must be partial",
        "The generator emits each hook's descriptor property inside the type that declares the hook.");

    public static readonly DiagnosticDescriptor HookMustNotBeGeneric = Error(
        "AGNH102",
        "A hook can't be generic",
        "Hook '{0}' is generic or is declared in a generic type; hooks are bound at compile time and need concrete types",
        "A dispatcher calls the hook with concrete types; nothing can choose type arguments for it.");

    public static readonly DiagnosticDescriptor HookMustNotBeAsyncVoid = Error(
        "AGNH103",
        "A hook can't be async void",
        "Hook '{0}' is async void: the run can't await it, and its exceptions would crash the process; return Task instead",
        "An async void method can't be awaited and its exceptions escape to the thread pool.");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "AGNH104",
        "A hook returns void, Task or ValueTask",
        "Hook '{0}' returns '{1}'; a hook must return void, Task or ValueTask (hooks change the run in place, their results are not used)",
        "Hooks change the run's input and output in place; a result would be silently dropped.");

    public static readonly DiagnosticDescriptor ParameterPassedByReference = Error(
        "AGNH105",
        "A hook parameter can't be ref, out or in",
        "Parameter '{0}' of hook '{1}' is passed by reference ('{2}'); hook arguments come from the run and are passed by value",
        "Arguments are bound from the run and from DI; there is no variable to pass by reference.");

    public static readonly DiagnosticDescriptor DuplicateHookName = new(
        "AGNH106",
        "Two hooks have the same name",
        "Hook name '{0}' is used by more than one hook in this assembly; give one of them another Name",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Hook names are looked up by name (durable dispatch) and must be unique within an assembly.",
        helpLinkUri: HelpLinkBase + "AGNH106.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor GuardrailInBackground = Error(
        "AGNH107",
        "A guardrail can't run in the background",
        "Hook '{0}' is both a guardrail and a background hook; a guardrail must run inline to be able to reject the run",
        "A background hook runs after the response has been sent, too late to reject anything.");

    public static readonly DiagnosticDescriptor UnbindableParameter = Error(
        "AGNH108",
        "A hook parameter's type can never be bound",
        "Parameter '{0}' of hook '{1}' has type '{2}', which can't be bound: pointers, ref structs, dynamic and nullable value types can't come from the run or from DI",
        "Every argument comes from the run or from DI, which can only hand out ordinary types.");

    public static readonly DiagnosticDescriptor HookTypeNotAccessible = new(
        "AGNH109",
        "A hook in a private type is left out of the registration table",
        "Hook '{0}' is declared in a type the rest of the assembly can't see, so AgnoHooks.All, AgnoHooks.Find and AddAgnoHooksFrom leave it out; use its {1} property directly, or make the type internal",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The generated registration table is a separate class and can only name types visible across the assembly.",
        helpLinkUri: HelpLinkBase + "AGNH109.md");

    public static readonly DiagnosticDescriptor InstanceHookOutsideClass = Error(
        "AGNH110",
        "An instance hook must be declared in a class",
        "Hook '{0}' is an instance method of {1} '{2}'; instance hooks get their object from DI, which needs a class: make the hook static or move it to a class",
        "The object an instance hook runs on is resolved from DI and reused; a struct would be copied each time.");

    public static readonly DiagnosticDescriptor InvalidHookName = Error(
        "AGNH111",
        "A hook name can't be empty",
        "Hook '{0}' has an empty Name; leave Name out to use '{1}', or give a non-blank name",
        "The name identifies the hook in logs, events and lookups.");

    public static readonly DiagnosticDescriptor OverloadedHookMethods = Error(
        "AGNH112",
        "Two hooks in one type have the same method name",
        "Type '{0}' has more than one hook method named '{1}'; each hook gets a property named '{1}Hook', so hook methods can't be overloaded",
        "The generated descriptor property is named after the method.");

    public static readonly DiagnosticDescriptor UnsupportedHookMethod = Error(
        "AGNH113",
        "Only ordinary methods can be hooks",
        "'{0}' is not an ordinary method ({1}); only ordinary static or instance methods can be hooks",
        "Accessors, operators, explicit interface implementations and the like can't be called by name from the generated dispatcher.");

    public static readonly DiagnosticDescriptor HookInFileLocalType = Error(
        "AGNH114",
        "A hook can't be declared in a file-local type",
        "Hook '{0}' is declared in file-local type '{1}', which the generated code in another file can't extend; make the type internal",
        "The generator adds the descriptor property to the type from a separate generated file.");

    public static readonly DiagnosticDescriptor BackgroundHookBindsSession = Error(
        "AGNH115",
        "A background hook can't bind the run's session",
        "Background hook '{0}' binds the run's session ('{1}', {2}); a session is live and shared with later runs, so background hooks never get one: make the hook inline, or bind RunContext (its SessionId) instead",
        "Background hooks run after the run on copies; a session can't be copied, and the next run of the session would change it under the hook.");

    public static readonly DiagnosticDescriptor HookMustBeMethodOfType = Error(
        "AGNH116",
        "A hook must be a method of a type",
        "[Hook] is on {0}, which the generator can't turn into a hook; a hook must be a method of a type: make it a static or instance method of a partial class",
        "The generator adds each hook's descriptor property to the type that declares the hook and calls the hook by name from there; a local function, a lambda or a member of an extension block can't have either, so its [Hook] would do nothing.");

    public static readonly DiagnosticDescriptor HookTakesArgList = Error(
        "AGNH117",
        "A hook can't take __arglist",
        "Hook '{0}' takes a variable argument list (__arglist); the dispatcher passes one argument per declared parameter and nothing can fill __arglist: remove it, and take what you need as parameters",
        "Every argument of a hook is bound from the run or from DI by its declared type; a variable argument list has no declared types.");

    public static readonly DiagnosticDescriptor CallHookInBackground = Error(
        "AGNH118",
        "A background hook can't bind what is live at a call",
        "Hook '{0}' runs in the background, but it binds {1} ('{2}'), which exists only at the call, inline, and a background hook runs when the call is over: make it inline, or, to audit tool calls after the response, bind ToolExecution (a copy of the call's record) and attach it to PostToolHooks",
        "A tool call, a model request and the next step are live at the call: hooks change them while the model waits. A background hook runs after the response, on copies; after a tool call it gets a copy of the call's record (ToolExecution), the run's context and input.");

    public static readonly DiagnosticDescriptor HookBindsToolCallAndModelRequest = Error(
        "AGNH119",
        "A hook can't bind both a tool call and a model request",
        "Hook '{0}' binds a tool call ('{1}') and a model request ('{2}'); tool hooks have no model request and model hooks no tool call, so no hook list could take it: split it into a tool hook and a model hook",
        "A tool call exists only in the hooks at a tool call (PreToolHooks, PostToolHooks, ToolHooks), a model request only in the hooks at a model request (PreModelHooks, PostModelHooks, ModelHooks).");

    public static readonly DiagnosticDescriptor HookAroundReturnsVoid = Error(
        "AGNH120",
        "A hook that takes the next step must return Task or ValueTask",
        "Hook '{0}' takes the next step ('{1}') but returns void, so it can't await it: the rest of the chain (the tool or the model) would run unobserved and its failure would be lost; return Task or ValueTask and await {1}()",
        "The next step runs the hooks inside this one, then the tool or the model, and may complete later; a hook around a call must await it to see its result, time it or retry it.");

    public static readonly DiagnosticDescriptor HookAttachedWhereArgumentMissing = Error(
        "AGNH121",
        "A hook is attached where its arguments don't exist",
        "Hook '{0}' can't be in {1}: its parameter '{2}' ({3}) is {4}, which only {5} have",
        "Each hook list runs its hooks at one point of the run, where only some arguments exist: the run's output from the model's answer on, a tool call at a tool call, a model request at a model request, the next step around either. The runtime refuses the hook when it is added; this says so at compile time.");

    public static readonly DiagnosticDescriptor BackgroundHookAttachedToCall = Error(
        "AGNH122",
        "A background hook is attached where it can't run",
        "Background hook '{0}' can't be in {1}: hooks before or around a call, and model hooks, run inline, at the call, and after a tool call a background hook gets copies (the call's record, the run's context and input), not the output; make it inline, attach it to PostToolHooks binding ToolExecution, or to PostHooks, where it gets the finished run with its tool calls (RunOutput.Tools)",
        "The runtime refuses such a hook when it is added; this says so at compile time.");

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) => new(
        id,
        title,
        message,
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: description,
        helpLinkUri: HelpLinkBase + id + ".md");
}
