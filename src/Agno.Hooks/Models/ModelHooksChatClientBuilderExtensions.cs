using Agno.Hooks;

namespace Microsoft.Extensions.AI;

/// <summary>Agno's model hooks in a chat-client pipeline of your own: a custom owner's, under its own tool loop.</summary>
public static class ModelHooksChatClientBuilderExtensions
{
    /// <summary>
    /// Adds a layer that runs the model hooks of the run in progress (<see cref="HookRun.Current"/>, whose owner is an
    /// <see cref="IModelHookOwner"/>) at each request that goes through it: put it under the tool loop
    /// (<c>builder.UseFunctionInvocation(configure: loop => loop.UseAgnoToolHooks()).UseAgnoModelHooks()</c>), so each turn
    /// of the loop is a request. Requests outside a run go through as they are.
    /// </summary>
    public static ChatClientBuilder UseAgnoModelHooks(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new RunModel(inner, toolsExhausted: null));
    }
}
