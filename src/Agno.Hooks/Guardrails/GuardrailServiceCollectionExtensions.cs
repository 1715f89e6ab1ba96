using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// Registers the built-in guardrails. Each one reads its options (<see cref="IOptions{TOptions}"/>) once, when the
/// container creates it; calling a method again adds another configure step to the same options.
/// </summary>
public static class GuardrailServiceCollectionExtensions
{
    /// <summary>Registers <see cref="PiiDetectionGuardrail"/>; attach <c>PiiDetectionGuardrail.CheckHook</c> to <c>PreHooks</c>.</summary>
    public static IServiceCollection AddPiiDetection(this IServiceCollection services, Action<PiiDetectionOptions>? configure = null) =>
        services.AddGuardrail<PiiDetectionGuardrail, PiiDetectionOptions>(configure, static o => PiiScanner.Validate(o));

    /// <summary>Registers <see cref="OutputPiiDetectionGuardrail"/>; attach <c>OutputPiiDetectionGuardrail.CheckHook</c> to <c>PostHooks</c>.</summary>
    public static IServiceCollection AddOutputPiiDetection(this IServiceCollection services, Action<OutputPiiDetectionOptions>? configure = null) =>
        services.AddGuardrail<OutputPiiDetectionGuardrail, OutputPiiDetectionOptions>(configure, static o => PiiScanner.Validate(o));

    /// <summary>Registers <see cref="PromptInjectionGuardrail"/>; attach <c>PromptInjectionGuardrail.CheckHook</c> to <c>PreHooks</c>.</summary>
    public static IServiceCollection AddPromptInjectionDetection(this IServiceCollection services, Action<PromptInjectionOptions>? configure = null) =>
        services.AddGuardrail<PromptInjectionGuardrail, PromptInjectionOptions>(configure, static o =>
            o.Phrases is { } phrases && (phrases.Count == 0 || phrases.Any(string.IsNullOrWhiteSpace))
                ? "PromptInjectionOptions.Phrases needs at least one phrase, and none empty (null keeps Agno's defaults)."
                : null);

    /// <summary>
    /// Registers <see cref="ModerationGuardrail"/>, and <see cref="OpenAIContentModerator"/> as the
    /// <see cref="IContentModerator"/> unless one is registered; attach <c>ModerationGuardrail.CheckHook</c> to <c>PreHooks</c>.
    /// </summary>
    public static IServiceCollection AddModeration(this IServiceCollection services, Action<ModerationOptions>? configure = null)
    {
        services.AddGuardrail<ModerationGuardrail, ModerationOptions>(configure, static o =>
            string.IsNullOrWhiteSpace(o.Model) ? "ModerationOptions.Model is required." : null);
        services.TryAddSingleton<IContentModerator, OpenAIContentModerator>();
        return services;
    }

    private static IServiceCollection AddGuardrail<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TGuardrail, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(this IServiceCollection services, Action<TOptions>? configure, Func<TOptions, string?> validate)
        where TGuardrail : class
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (!services.Any(d => d.ServiceType == typeof(TGuardrail)))
        {
            options.ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new DelegateValidator<TOptions>(validate)));
            services.AddSingleton<TGuardrail>();
        }

        return services;
    }

    /// <summary>A validator whose failure message says what is wrong.</summary>
    private sealed class DelegateValidator<TOptions>(Func<TOptions, string?> validate) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var failure = validate(options);
            return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
        }
    }
}
