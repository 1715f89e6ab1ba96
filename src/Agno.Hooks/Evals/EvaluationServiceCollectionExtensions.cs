using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>Registers the agent-as-judge evaluation and its store.</summary>
public static class EvaluationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AgentAsJudgeEval"/> with its options, and the evaluation store (<see cref="AddEvaluationStore"/>).
    /// Attach <c>AgentAsJudgeEval.EvaluateHook</c> (inline) or <c>AgentAsJudgeEval.EvaluateInBackgroundHook</c> to <c>PostHooks</c>.
    /// </summary>
    public static IServiceCollection AddAgentAsJudge(this IServiceCollection services, Action<AgentAsJudgeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AgentAsJudgeOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentAsJudgeOptions>, AgentAsJudgeOptionsValidator>());
        services.AddEvaluationStore();
        services.TryAddSingleton<AgentAsJudgeEval>();
        return services;
    }

    /// <summary>
    /// Registers <see cref="InMemoryEvaluationStore"/> as the <see cref="IEvaluationStore"/>, unless a store is registered
    /// (register yours first to keep results elsewhere).
    /// </summary>
    public static IServiceCollection AddEvaluationStore(this IServiceCollection services, Action<EvaluationStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EvaluationStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IEvaluationStore, InMemoryEvaluationStore>();
        return services;
    }

    private sealed class AgentAsJudgeOptionsValidator : IValidateOptions<AgentAsJudgeOptions>
    {
        public ValidateOptionsResult Validate(string? name, AgentAsJudgeOptions options) =>
            options.Validate() is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
    }
}
