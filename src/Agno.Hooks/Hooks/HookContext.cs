namespace Agno.Hooks;

/// <summary>
/// The arguments available to one hook invocation. Generated dispatchers read the parameters they
/// need from it; nothing here is looked up by reflection.
/// </summary>
public sealed class HookContext
{
    public HookContext(
        HookStage stage,
        IHookOwner owner,
        RunContext run,
        RunInput input,
        RunOutput? output,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(services);
        if (stage == HookStage.Post && output is null)
        {
            throw new ArgumentException("A post-hook context needs the run's output.", nameof(output));
        }

        Stage = stage;
        Owner = owner;
        Run = run;
        Input = input;
        Output = output;
        Services = services;
        CancellationToken = cancellationToken;
    }

    public HookStage Stage { get; }

    /// <summary>The agent, team or workflow the hook is attached to.</summary>
    public IHookOwner Owner { get; }

    public RunContext Run { get; }

    public RunInput Input { get; }

    /// <summary>The run's output; null in a pre-hook.</summary>
    public RunOutput? Output { get; }

    /// <summary>Services for this invocation: the run's, or a fresh scope per background execution.</summary>
    public IServiceProvider Services { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>For a background hook, the execution it runs as (its stable id and attempt); null inline.</summary>
    public BackgroundHookWorkItem? Execution { get; init; }

    /// <summary>What a <see cref="Agno.Hooks.BackgroundExecution"/>? parameter binds: the background execution's id and attempt; null inline.</summary>
    public BackgroundExecution? BackgroundExecution => Execution?.Identity;

    /// <summary>What a <see cref="Agno.Hooks.BackgroundExecution"/> parameter binds; only background hooks have one.</summary>
    public BackgroundExecution RequiredBackgroundExecution =>
        BackgroundExecution ?? throw new InvalidOperationException("This hook binds BackgroundExecution, which only background hooks have: make it RunInBackground, or declare the parameter nullable (BackgroundExecution?) to get null when it runs inline.");

    /// <summary>The output, for hooks that bind one (which the stage check limits to post-hooks).</summary>
    public RunOutput RequiredOutput =>
        Output ?? throw new InvalidOperationException("This hook needs the run's output, which only post-hooks have.");
}
