namespace Agno.Hooks;

/// <summary>
/// The pre-hooks or post-hooks of an agent, team or workflow. Adding a hook that can't bind there
/// fails at once, naming the hook and the parameter.
/// </summary>
public sealed class HookList : CheckedCollection<HookDescriptor>
{
    private readonly IHookOwner _owner;

    /// <summary>The <paramref name="stage"/> hooks of <paramref name="owner"/>, for owners of your own.</summary>
    public HookList(IHookOwner owner, HookStage stage)
    {
        ArgumentNullException.ThrowIfNull(owner);
        _owner = owner;
        Stage = stage;
    }

    public HookStage Stage { get; }

    private protected override void Check(HookDescriptor hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        var stageName = Stage == HookStage.Pre ? "pre-hook" : "post-hook";

        if (hook.Guardrail && hook.RunInBackground)
        {
            throw new HookBindingException(hook.Name, null,
                $"Hook '{hook.Name}' is both a guardrail and a background hook. A guardrail must run inline to be able to reject the run.");
        }

        var stageFlag = Stage == HookStage.Pre ? HookStages.Pre : HookStages.Post;
        if ((hook.Stages & stageFlag) == 0)
        {
            var output = hook.Parameters.FirstOrDefault(p => p.Kind == HookParameterKind.RunOutput);
            throw new HookBindingException(hook.Name, output.Name,
                $"Hook '{hook.Name}' can't be a {stageName} of '{_owner.Id}': its parameter '{output.Name}' ({output.Type.Name}) exists only after the model has run, so it can only be a post-hook.");
        }

        if (hook.OwnerKind != HookOwnerKind.Any && hook.OwnerKind != _owner.Kind)
        {
            var parameter = hook.Parameters.FirstOrDefault(p =>
                p.Kind is HookParameterKind.Owner or HookParameterKind.RunOutput && HookOwnerTypes.KindOf(p.Type) == hook.OwnerKind);
            throw new HookBindingException(hook.Name, parameter.Name,
                $"Hook '{hook.Name}' can't be a {stageName} of {HookOwnerTypes.Describe(_owner.Kind)} ('{_owner.Id}'): its parameter '{parameter.Name}' ({parameter.Type.Name}) needs {HookOwnerTypes.Describe(hook.OwnerKind)}.");
        }

        // Then by type: an agent of another runtime is an agent too, but not the Agent a hook may need (nor the reverse).
        if (hook.OwnerType is { } ownerType && !ownerType.IsInstanceOfType(_owner))
        {
            var parameter = hook.Parameters.FirstOrDefault(p => p.Kind == HookParameterKind.Owner && p.Type == ownerType);
            throw new HookBindingException(hook.Name, parameter.Name,
                $"Hook '{hook.Name}' can't be a {stageName} of '{_owner.Id}', which is {HookOwnerTypes.Describe(_owner)}: its parameter '{parameter.Name}' ({ownerType.Name}) needs {HookOwnerTypes.Describe(ownerType)}. Bind the owner as IHookOwner to attach the hook to any owner.");
        }
    }
}
