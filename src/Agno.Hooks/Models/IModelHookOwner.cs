namespace Agno.Hooks;

/// <summary>An owner whose hooks run at each request to its model inside a run: before it, after it, and around it.</summary>
public interface IModelHookOwner : IHookOwner
{
    /// <summary>Before each model request: they may change its messages and options, answer in the model's place, or reject the run.</summary>
    HookList PreModelHooks { get; }

    /// <summary>After each model request: they may change the response, or reject the run. With them a streamed response is held whole.</summary>
    HookList PostModelHooks { get; }

    /// <summary>
    /// Around each model request: each gets the next step (<see cref="HookNext"/>), the first outermost. With them a
    /// streamed response is held whole.
    /// </summary>
    HookList ModelHooks { get; }
}
