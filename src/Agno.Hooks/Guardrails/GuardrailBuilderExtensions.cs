using System.Diagnostics.CodeAnalysis;
using Agno.Hooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds guardrails, the built-in ones and your own, each with its options and their validation at start-up. A
/// guardrail reads its options once, when the container creates it; calling a method again with the same name adds
/// another configure step to the same options.
/// </summary>
/// <remarks>
/// Without a name, a method configures the guardrail its generated descriptor runs on (<c>PiiDetectionGuardrail.CheckHook</c>).
/// With a name, it adds a <em>named configuration</em>: another instance with options of its own (named options), attached
/// as <c>PiiDetectionGuardrail.CheckHook.Named(name)</c>, so two agents can carry differently configured guardrails of one
/// kind. A bad configuration fails at start-up (<c>ValidateOnStart</c>), its message naming the configuration.
/// </remarks>
// RS0026 keeps an optional parameter added to one of several overloads later from making existing calls ambiguous.
// Each pair here differs in the type of an argument that comes before any optional one (the configure step or the
// configuration's name), so every call picks one overload whatever is added after it.
#pragma warning disable RS0026
public static class GuardrailBuilderExtensions
{
    /// <summary>Adds <see cref="PiiDetectionGuardrail"/>; attach <c>PiiDetectionGuardrail.CheckHook</c> to <c>PreHooks</c>.</summary>
    public static IAgnoHooksBuilder AddPiiDetection(this IAgnoHooksBuilder builder, Action<PiiDetectionOptions>? configure = null) =>
        builder.AddPiiDetection(Options.Options.DefaultName, configure);

    /// <summary>
    /// Adds the <see cref="PiiDetectionGuardrail"/> of the configuration <paramref name="name"/>; attach
    /// <c>PiiDetectionGuardrail.CheckHook.Named(name)</c> to <c>PreHooks</c>. Its options are the
    /// <see cref="PiiDetectionOptions"/> named <paramref name="name"/>.
    /// </summary>
    public static IAgnoHooksBuilder AddPiiDetection(this IAgnoHooksBuilder builder, string name, Action<PiiDetectionOptions>? configure = null) =>
        builder.AddGuardrail(
            name,
            (services, options) => new PiiDetectionGuardrail(options, services.GetService<ILogger<PiiDetectionGuardrail>>(), HookName(PiiDetectionGuardrail.CheckHook, name)),
            configure,
            PiiScanner.Validate);

    /// <summary>
    /// Adds <see cref="OutputPiiDetectionGuardrail"/>; attach <c>OutputPiiDetectionGuardrail.CheckHook</c> to <c>PostHooks</c>.
    /// Its options are the <see cref="PiiDetectionOptions"/> named <see cref="OutputPiiDetectionGuardrail.DefaultOptionsName"/>,
    /// apart from the input guardrail's.
    /// </summary>
    public static IAgnoHooksBuilder AddOutputPiiDetection(this IAgnoHooksBuilder builder, Action<PiiDetectionOptions>? configure = null) =>
        builder.AddOutputPiiDetection(OutputPiiDetectionGuardrail.DefaultOptionsName, configure, unnamed: true);

    /// <summary>
    /// Adds the <see cref="OutputPiiDetectionGuardrail"/> of the configuration <paramref name="name"/>; attach
    /// <c>OutputPiiDetectionGuardrail.CheckHook.Named(name)</c> to <c>PostHooks</c>. Its options are the
    /// <see cref="PiiDetectionOptions"/> named <paramref name="name"/>: one name is one configuration, for the input
    /// guardrail (<see cref="AddPiiDetection(IAgnoHooksBuilder, string, Action{PiiDetectionOptions}?)"/>) and the output one alike.
    /// </summary>
    public static IAgnoHooksBuilder AddOutputPiiDetection(this IAgnoHooksBuilder builder, string name, Action<PiiDetectionOptions>? configure = null) =>
        builder.AddOutputPiiDetection(name, configure, unnamed: false);

    /// <summary>Adds <see cref="PromptInjectionGuardrail"/>; attach <c>PromptInjectionGuardrail.CheckHook</c> to <c>PreHooks</c>.</summary>
    public static IAgnoHooksBuilder AddPromptInjectionDetection(this IAgnoHooksBuilder builder, Action<PromptInjectionOptions>? configure = null) =>
        builder.AddPromptInjectionDetection(Options.Options.DefaultName, configure);

    /// <summary>
    /// Adds the <see cref="PromptInjectionGuardrail"/> of the configuration <paramref name="name"/>; attach
    /// <c>PromptInjectionGuardrail.CheckHook.Named(name)</c> to <c>PreHooks</c>.
    /// </summary>
    public static IAgnoHooksBuilder AddPromptInjectionDetection(this IAgnoHooksBuilder builder, string name, Action<PromptInjectionOptions>? configure = null) =>
        builder.AddGuardrail(
            name,
            static (_, options) => new PromptInjectionGuardrail(options),
            configure,
            static o => o.Phrases is { } phrases && (phrases.Count == 0 || phrases.Any(string.IsNullOrWhiteSpace))
                ? "PromptInjectionOptions.Phrases needs at least one phrase, and none empty (null keeps Agno's defaults)."
                : null);

    /// <summary>
    /// Adds <see cref="ModerationGuardrail"/>; attach <c>ModerationGuardrail.CheckHook</c> to <c>PreHooks</c>. It needs an
    /// <see cref="IContentModerator"/>: <c>AddOpenAIContentModerator()</c> (package Agno.Hooks.OpenAI) or your own; without
    /// one the host fails at start-up, saying so.
    /// </summary>
    public static IAgnoHooksBuilder AddModeration(this IAgnoHooksBuilder builder, Action<ModerationOptions>? configure = null) =>
        builder.AddModeration(Options.Options.DefaultName, configure);

    /// <summary>
    /// Adds the <see cref="ModerationGuardrail"/> of the configuration <paramref name="name"/>; attach
    /// <c>ModerationGuardrail.CheckHook.Named(name)</c> to <c>PreHooks</c>. Every configuration calls the one
    /// <see cref="IContentModerator"/>.
    /// </summary>
    public static IAgnoHooksBuilder AddModeration(this IAgnoHooksBuilder builder, string name, Action<ModerationOptions>? configure = null)
    {
        builder.AddGuardrail(
            name,
            (services, options) => new ModerationGuardrail(
                services.GetRequiredService<IContentModerator>(),
                options,
                services.GetService<ILogger<ModerationGuardrail>>(),
                HookName(ModerationGuardrail.CheckHook, name)),
            configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModerationOptions>, ModeratorRegistered>());
        return builder;
    }

    /// <summary>Adds <see cref="ToolPolicyGuardrail"/>; attach <c>ToolPolicyGuardrail.CheckHook</c> to <c>PreToolHooks</c>.</summary>
    public static IAgnoHooksBuilder AddToolPolicy(this IAgnoHooksBuilder builder, Action<ToolPolicyOptions>? configure = null) =>
        builder.AddToolPolicy(Options.Options.DefaultName, configure);

    /// <summary>
    /// Adds the <see cref="ToolPolicyGuardrail"/> of the configuration <paramref name="name"/>; attach
    /// <c>ToolPolicyGuardrail.CheckHook.Named(name)</c> to <c>PreToolHooks</c>.
    /// </summary>
    public static IAgnoHooksBuilder AddToolPolicy(this IAgnoHooksBuilder builder, string name, Action<ToolPolicyOptions>? configure = null) =>
        builder.AddGuardrail(name, static (_, options) => new ToolPolicyGuardrail(options), configure, ToolPolicyGuardrail.Validate);

    /// <summary>
    /// Adds <see cref="ToolResultPiiGuardrail"/>; attach <c>ToolResultPiiGuardrail.CheckHook</c> to <c>PostToolHooks</c>. Its
    /// options are the <see cref="PiiDetectionOptions"/> named <see cref="ToolResultPiiGuardrail.HookName"/>, masking unless
    /// <paramref name="configure"/> says otherwise.
    /// </summary>
    public static IAgnoHooksBuilder AddToolResultPiiMasking(this IAgnoHooksBuilder builder, Action<PiiDetectionOptions>? configure = null) =>
        builder.AddGuardrail<ToolResultPiiGuardrail, PiiDetectionOptions>(
            ToolResultPiiGuardrail.HookName,
            serviceKey: null,
            static (services, options) => new ToolResultPiiGuardrail(options, services.GetService<ILogger<ToolResultPiiGuardrail>>()),
            options =>
            {
                options.Mask = true;
                configure?.Invoke(options);
            },
            PiiScanner.Validate);

    /// <summary>
    /// Adds a guardrail of your own: <typeparamref name="TGuardrail"/>, a class with a <c>[Hook(Guardrail = true)]</c>
    /// instance method, created once by <paramref name="create"/> from its <typeparamref name="TOptions"/> (the unnamed
    /// ones, <paramref name="configure"/>d, bindable from configuration as usual). Attach its generated descriptor
    /// (<c>MyGuardrail.CheckHook</c>).
    /// </summary>
    /// <param name="builder">The builder of <c>AddAgnoHooks()</c>.</param>
    /// <param name="create">Creates the guardrail from the services and its options: <c>(services, options) => new MyGuardrail(options)</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <param name="validate">Checks the options at start-up: null when they are fine, else what is wrong.</param>
    public static IAgnoHooksBuilder AddGuardrail<TGuardrail, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IAgnoHooksBuilder builder,
        Func<IServiceProvider, TOptions, TGuardrail> create,
        Action<TOptions>? configure = null,
        Func<TOptions, string?>? validate = null)
        where TGuardrail : class
        where TOptions : class =>
        builder.AddGuardrail(Options.Options.DefaultName, create, configure, validate);

    /// <summary>
    /// Adds the configuration <paramref name="name"/> of a guardrail of your own: an instance of
    /// <typeparamref name="TGuardrail"/> registered under the name (a keyed singleton), created by
    /// <paramref name="create"/> from the <typeparamref name="TOptions"/> named <paramref name="name"/>. Attach
    /// <c>MyGuardrail.CheckHook.Named(name)</c>; events and logs call it <c>{hook name}:{name}</c>.
    /// </summary>
    /// <param name="builder">The builder of <c>AddAgnoHooks()</c>.</param>
    /// <param name="name">The configuration's name; empty (<see cref="Options.Options.DefaultName"/>) for the unnamed one.</param>
    /// <param name="create">Creates the guardrail from the services and its options: <c>(services, options) => new MyGuardrail(options)</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <param name="validate">Checks the options at start-up: null when they are fine, else what is wrong (reported with the configuration's name).</param>
    public static IAgnoHooksBuilder AddGuardrail<TGuardrail, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IAgnoHooksBuilder builder,
        string name,
        Func<IServiceProvider, TOptions, TGuardrail> create,
        Action<TOptions>? configure = null,
        Func<TOptions, string?>? validate = null)
        where TGuardrail : class
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(name);
        return builder.AddGuardrail(name, serviceKey: name.Length == 0 ? null : name, create, configure, validate);
    }

    private static IAgnoHooksBuilder AddOutputPiiDetection(this IAgnoHooksBuilder builder, string name, Action<PiiDetectionOptions>? configure, bool unnamed) =>
        builder.AddGuardrail(
            name,
            serviceKey: unnamed ? null : name,
            (services, options) => new OutputPiiDetectionGuardrail(options, services.GetService<ILogger<OutputPiiDetectionGuardrail>>(), HookName(OutputPiiDetectionGuardrail.CheckHook, unnamed ? string.Empty : name)),
            configure,
            PiiScanner.Validate);

    /// <param name="builder">The builder.</param>
    /// <param name="optionsName">The name of the options the guardrail reads.</param>
    /// <param name="serviceKey">The key of the instance: null for the unkeyed one, which the generated descriptor resolves.</param>
    /// <param name="create">Creates the guardrail.</param>
    /// <param name="configure">Sets the options.</param>
    /// <param name="validate">Checks the options.</param>
    private static IAgnoHooksBuilder AddGuardrail<TGuardrail, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IAgnoHooksBuilder builder,
        string optionsName,
        string? serviceKey,
        Func<IServiceProvider, TOptions, TGuardrail> create,
        Action<TOptions>? configure,
        Func<TOptions, string?>? validate)
        where TGuardrail : class
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(create);
        var services = builder.Services;
        var options = services.AddOptions<TOptions>(optionsName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        if (validate is not null)
        {
            // One validator per configuration and check: a name shared by two guardrails (input and output PII) is validated once.
            var validator = new ConfigurationValidator<TOptions>(optionsName, validate);
            if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<TOptions>) && !d.IsKeyedService && validator.Equals(d.ImplementationInstance)))
            {
                services.AddSingleton<IValidateOptions<TOptions>>(validator);
            }
        }

        if (!services.Any(d => d.ServiceType == typeof(TGuardrail) && Equals(d.ServiceKey, serviceKey)))
        {
            if (serviceKey is null)
            {
                services.AddSingleton(sp => create(sp, sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(optionsName)));
            }
            else
            {
                services.AddKeyedSingleton(serviceKey, (sp, _) => create(sp, sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(optionsName)));
            }
        }

        return builder;
    }

    // The name events and logs give a configuration's hook: its descriptor's.
    private static string HookName(HookDescriptor hook, string name) => name.Length == 0 ? hook.Name : hook.Named(name).Name;

    /// <summary>Validates the options of one configuration; its failure names the configuration, unless it is the unnamed one.</summary>
    private sealed class ConfigurationValidator<TOptions>(string name, Func<TOptions, string?> validate) : IValidateOptions<TOptions>
        where TOptions : class
    {
        private readonly string _name = name;
        private readonly Func<TOptions, string?> _validate = validate;

        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            if (!string.Equals(name ?? string.Empty, _name, StringComparison.Ordinal))
            {
                return ValidateOptionsResult.Skip;
            }

            return _validate(options) switch
            {
                null => ValidateOptionsResult.Success,
                var failure when _name.Length == 0 => ValidateOptionsResult.Fail(failure),
                var failure => ValidateOptionsResult.Fail($"{typeof(TOptions).Name} '{_name}': {failure}"),
            };
        }

        public override bool Equals(object? obj) => obj is ConfigurationValidator<TOptions> other && other._name == _name && other._validate.Equals(_validate);

        public override int GetHashCode() => HashCode.Combine(_name, _validate);
    }

    /// <summary>Fails the moderation guardrail's start when nothing can moderate: no <see cref="IContentModerator"/> is registered.</summary>
    private sealed class ModeratorRegistered(IServiceProviderIsService isService) : IValidateOptions<ModerationOptions>
    {
        public ValidateOptionsResult Validate(string? name, ModerationOptions options) =>
            isService.IsService(typeof(IContentModerator))
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"The moderation guardrail{(string.IsNullOrEmpty(name) ? string.Empty : $" '{name}'")} needs an IContentModerator, and none is registered: add OpenAI's with AddAgnoHooks().AddOpenAIContentModerator() (package Agno.Hooks.OpenAI), or your own with services.AddSingleton<IContentModerator, MyModerator>().");
    }
}
#pragma warning restore RS0026
