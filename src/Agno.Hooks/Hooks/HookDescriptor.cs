using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks;

/// <summary>
/// Everything the runtime needs to know about one hook: its name, what it binds, where it may be
/// attached, how it runs, and a typed invoker. The source generator emits one per <c>[Hook]</c> method;
/// tests and advanced callers may build one by hand.
/// </summary>
public sealed class HookDescriptor
{
    // RS0026: the two constructors differ in their second, required argument (an invoker, or the parameters before a
    // synchronous invoker): no call can be ambiguous.
#pragma warning disable RS0026
    /// <param name="name">The stable name, <c>Namespace.Type.Method</c> by convention.</param>
    /// <param name="invoke">Binds the arguments from a <see cref="HookContext"/> and calls the hook.</param>
    /// <param name="parameters">The hook's parameters, in declaration order; they decide <see cref="Stages"/> and <see cref="OwnerKind"/>.</param>
    /// <param name="targetType">For an instance hook, the declaring type, resolved from DI once per invocation scope.</param>
    /// <remarks>What the generator emits for each <c>[Hook]</c> method: hidden from completion, not from callers.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public HookDescriptor(string name, HookInvoker invoke, IEnumerable<HookParameter>? parameters = null, Type? targetType = null)
        : this(name, invoke ?? throw new ArgumentNullException(nameof(invoke)), invokeSynchronously: null, parameters, targetType)
    {
    }

    /// <summary>A synchronous hook: the generator's form for a <c>void</c> method.</summary>
    /// <param name="name">The stable name, <c>Namespace.Type.Method</c> by convention.</param>
    /// <param name="parameters">The hook's parameters, in declaration order.</param>
    /// <param name="invokeSynchronously">Binds the arguments from a <see cref="HookContext"/> and calls the hook.</param>
    /// <param name="targetType">For an instance hook, the declaring type, resolved from DI once per invocation scope.</param>
    /// <remarks>
    /// The parameters come before the invoker, unlike the <see cref="HookInvoker"/> constructor, so that a lambda
    /// returning a <see cref="Task"/> can't bind here by accident and have its task dropped. What the generator emits
    /// for each <c>void</c> <c>[Hook]</c> method: hidden from completion, not from callers.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public HookDescriptor(string name, IEnumerable<HookParameter>? parameters, SynchronousHookInvoker invokeSynchronously, Type? targetType = null)
        : this(name, invoke: null, invokeSynchronously ?? throw new ArgumentNullException(nameof(invokeSynchronously)), parameters, targetType)
    {
    }

#pragma warning restore RS0026

    private HookDescriptor(string name, HookInvoker? invoke, SynchronousHookInvoker? invokeSynchronously, IEnumerable<HookParameter>? parameters, Type? targetType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        InvokeSynchronously = invokeSynchronously;
        Invoke = invoke ?? (context =>
        {
            invokeSynchronously!(context);
            return default;
        });
        Parameters = parameters?.ToImmutableArray() ?? [];
        TargetType = targetType;
        NeedsServices = targetType is not null;
        Stages = HookStages.Any;
        OwnerKind = HookOwnerKind.Any;
        foreach (var parameter in Parameters)
        {
            // Each kind of argument exists only at some stages: the output after the model (and while its tools run), a
            // tool call around one, the next step only for a hook around it.
            Stages &= parameter.Kind switch
            {
                HookParameterKind.RunOutput => HookStages.Post | HookStages.ToolCalls | HookStages.ModelCalls,
                HookParameterKind.ToolCall or HookParameterKind.ToolExecution => HookStages.ToolCalls,
                HookParameterKind.ModelRequest => HookStages.ModelCalls,
                HookParameterKind.Next => HookStages.ToolCall | HookStages.ModelCall,
                _ => HookStages.Any,
            };

            NeedsServices |= parameter.Kind == HookParameterKind.Service;

            if (parameter.Kind is HookParameterKind.Owner or HookParameterKind.RunOutput
                && HookOwnerTypes.KindOf(parameter.Type) is var kind and not HookOwnerKind.Any)
            {
                OwnerKind = kind;
            }

            if (parameter.Kind == HookParameterKind.Owner && parameter.Type != typeof(IHookOwner))
            {
                OwnerType = parameter.Type;
            }
        }
    }

    /// <summary>The stable name; unique within an assembly.</summary>
    public string Name { get; }

    /// <summary>Calls the hook.</summary>
    public HookInvoker Invoke { get; }

    /// <summary>Calls a synchronous hook without a <see cref="ValueTask"/>; null for a hook that may complete later.</summary>
    public SynchronousHookInvoker? InvokeSynchronously { get; }

    /// <summary>The hook's parameters, as seen at compile time.</summary>
    public ImmutableArray<HookParameter> Parameters { get; }

    /// <summary>For an instance hook, the type whose instance comes from DI; otherwise null.</summary>
    public Type? TargetType { get; }

    /// <summary>Runs after the run returns, on copies. See <see cref="HookAttribute.RunInBackground"/>.</summary>
    public bool RunInBackground { get; init; }

    /// <summary>Always inline and first; may reject the run. See <see cref="HookAttribute.Guardrail"/>.</summary>
    public bool Guardrail { get; init; }

    /// <summary>
    /// Where the hook may be attached: not before the model when it binds a <see cref="RunOutput"/>, only to tool calls when
    /// it binds a <see cref="Agno.Hooks.ToolCall"/>, only to model requests when it binds a <see cref="ModelRequest"/>, only
    /// around one of them when it binds a <see cref="HookNext"/>.
    /// </summary>
    public HookStages Stages { get; }

    /// <summary>The owner the hook needs, from its owner or output parameter's type.</summary>
    public HookOwnerKind OwnerKind { get; }

    /// <summary>
    /// The type the hook binds its owner as, when it is more than <see cref="IHookOwner"/>: <see cref="Agent"/>, or
    /// another runtime's agent (a Microsoft Agent Framework <c>AIAgent</c>). The hook can only be attached to an
    /// owner of that type; null when it binds no owner, or binds it as <see cref="IHookOwner"/>.
    /// </summary>
    public Type? OwnerType { get; }

    /// <summary>
    /// For the descriptor of a named instance (<see cref="Named"/>): the key its <see cref="TargetType"/> instance is
    /// registered under, its configuration's name. Null: the unkeyed instance.
    /// </summary>
    public object? ServiceKey { get; private init; }

    // The descriptors Named gave out, so that one name always gives the same one.
    private ConcurrentDictionary<string, HookDescriptor>? _named;

    /// <summary>The hook resolves something from DI: a service parameter, or its own instance.</summary>
    internal bool NeedsServices { get; }

    /// <summary>Types the hook resolves from DI: its service parameters and, for an instance hook, its declaring type.</summary>
    internal IEnumerable<Type> ServiceTypes
    {
        get
        {
            if (TargetType is not null)
            {
                yield return TargetType;
            }

            foreach (var parameter in Parameters)
            {
                if (parameter.Kind == HookParameterKind.Service)
                {
                    yield return parameter.Type;
                }
            }
        }
    }

    /// <summary>
    /// This instance hook, run on the instance of its class registered under <paramref name="name"/> (a named
    /// configuration: <c>AddAgnoHooks().AddPiiDetection("strict", ...)</c>, or <c>AddGuardrail(name, ...)</c> for a
    /// guardrail of your own) instead of the unkeyed one. The descriptor is named <c>{Name}:{name}</c>, so events and
    /// logs tell the configurations apart; everything else is this hook's. One name always gives the same descriptor.
    /// </summary>
    /// <remarks>
    /// A hook attached with a name nothing is registered under stops the host at start-up, naming the hook and the
    /// name. Each call of the hook creates a context that resolves its instance by the key (two small objects).
    /// </remarks>
    /// <exception cref="InvalidOperationException">This is not an instance hook, or is itself a named one.</exception>
    public HookDescriptor Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (TargetType is null || ServiceKey is not null)
        {
            throw new InvalidOperationException($"Hook '{Name}' has no named instances: only an instance hook (a method of a class resolved from DI) can run on one, and only its own descriptor gives them.");
        }

        var named = _named ?? Interlocked.CompareExchange(ref _named, new ConcurrentDictionary<string, HookDescriptor>(StringComparer.Ordinal), null) ?? _named;
        return named.GetOrAdd(name, static (key, hook) => hook.CreateNamed(key), this);
    }

    /// <summary>The instance an instance hook runs on, from <paramref name="services"/> (by its key, for a named one); null for a static hook.</summary>
    internal object? ResolveTarget(IServiceProvider services) =>
        TargetType is null ? null
        : ServiceKey is null ? services.GetService(TargetType)
        : (services as IKeyedServiceProvider)?.GetKeyedService(TargetType, ServiceKey);

    /// <summary>
    /// The instance that checks this hook's answer as it streams: a hook that binds the output, on a class implementing
    /// <see cref="IStreamingOutputGuardrail"/>; null otherwise (a hook of such a class that checks the input is not its stream check).
    /// </summary>
    internal IStreamingOutputGuardrail? StreamingGuardrail(IServiceProvider services)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Kind == HookParameterKind.RunOutput)
            {
                return ResolveTarget(services) as IStreamingOutputGuardrail;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private HookDescriptor CreateNamed(string key)
    {
        var target = TargetType!;
        var name = $"{Name}:{key}";
        HookContext Keyed(HookContext context) => context.WithServices(new KeyedTargetServices(context.Services, target, key, name));
        var invokeSynchronously = InvokeSynchronously;
        var invoke = Invoke;
        return invokeSynchronously is not null
            ? new HookDescriptor(name, Parameters, context => invokeSynchronously(Keyed(context)), target) { ServiceKey = key, RunInBackground = RunInBackground, Guardrail = Guardrail }
            : new HookDescriptor(name, context => invoke(Keyed(context)), Parameters, target) { ServiceKey = key, RunInBackground = RunInBackground, Guardrail = Guardrail };
    }
}
