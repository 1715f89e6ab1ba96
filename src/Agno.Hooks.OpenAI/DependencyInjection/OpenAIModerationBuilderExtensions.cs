using Agno.Hooks;
using Agno.Hooks.OpenAI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds OpenAI's moderation to the hook runtime.</summary>
public static class OpenAIModerationBuilderExtensions
{
    /// <summary>
    /// Makes <see cref="OpenAIContentModerator"/> the <see cref="IContentModerator"/> that the moderation guardrail
    /// (<c>AddModeration(...)</c>, every named configuration of it) calls, with <paramref name="configure"/>d options,
    /// unless a moderator was registered before (then that one stays).
    /// A missing model fails at start-up; a missing key fails the first call (logged, the run goes on unless the guardrail
    /// says <c>RejectOnError</c>).
    /// </summary>
    public static IAgnoHooksBuilder AddOpenAIContentModerator(this IAgnoHooksBuilder builder, Action<OpenAIModerationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<OpenAIModerationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAIModerationOptions>, OpenAIModerationOptionsValidator>());
        builder.Services.TryAddSingleton<IContentModerator, OpenAIContentModerator>();
        return builder;
    }
}
