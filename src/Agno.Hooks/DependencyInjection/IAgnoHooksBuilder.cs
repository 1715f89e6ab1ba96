using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks;

/// <summary>
/// What <c>services.AddAgnoHooks()</c> returns, as <c>AddHttpClient</c> and <c>AddChatClient</c> return theirs: the
/// place to add guardrails (<c>AddPiiDetection</c>, <c>AddGuardrail</c>, ...) and to choose the background queue
/// (<c>UseBackgroundQueue</c>; <c>AddDurableBackgroundHooks</c> of Agno.Hooks.Hangfire).
/// </summary>
public interface IAgnoHooksBuilder
{
    /// <summary>The services the hook runtime is registered in.</summary>
    IServiceCollection Services { get; }
}
