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
        var stageName = StageName(Stage);

        if (hook.Guardrail && hook.RunInBackground)
        {
            throw new HookBindingException(hook.Name, null,
                $"Hook '{hook.Name}' is both a guardrail and a background hook. A guardrail must run inline to be able to reject the run.");
        }

        if (hook.RunInBackground && Stage is not (HookStage.Pre or HookStage.Post))
        {
            // After a tool call a background hook gets copies: the call's record (an audit log), the run's context and input.
            var live = hook.Parameters.FirstOrDefault(p => p.Kind is HookParameterKind.ToolCall or HookParameterKind.Next or HookParameterKind.ModelRequest or HookParameterKind.RunOutput or HookParameterKind.Session);
            if (Stage != HookStage.PostToolCall)
            {
                throw new HookBindingException(hook.Name, null,
                    $"Hook '{hook.Name}' runs in the background, and hooks before or around a tool call, and model hooks, run inline, at the call: make it inline, or attach it to PostToolHooks, where a background hook gets a copy of each call's record (bind ToolExecution).");
            }

            if (live.Name is not null)
            {
                throw new HookBindingException(hook.Name, live.Name,
                    $"Hook '{hook.Name}' runs in the background after tool calls, but its parameter '{live.Name}' ({live.Type.Name}) is live at the call, and the call is over when the hook runs: bind ToolExecution (a copy of the call's record) instead.");
            }
        }

        if ((hook.Stages & Flag(Stage)) == 0)
        {
            var parameter = hook.Parameters.First(p => Excludes(p.Kind, Stage));
            throw new HookBindingException(hook.Name, parameter.Name,
                $"Hook '{hook.Name}' can't be a {stageName} of '{_owner.Id}': {Why(parameter)}");
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

    private static string StageName(HookStage stage) => stage switch
    {
        HookStage.Pre => "pre-hook",
        HookStage.Post => "post-hook",
        HookStage.PreToolCall => "hook before tool calls",
        HookStage.PostToolCall => "hook after tool calls",
        HookStage.ToolCall => "hook around tool calls",
        HookStage.PreModelCall => "hook before model requests",
        HookStage.PostModelCall => "hook after model requests",
        _ => "hook around model requests",
    };

    private static HookStages Flag(HookStage stage) => stage switch
    {
        HookStage.Pre => HookStages.Pre,
        HookStage.Post => HookStages.Post,
        HookStage.PreToolCall => HookStages.PreToolCall,
        HookStage.PostToolCall => HookStages.PostToolCall,
        HookStage.ToolCall => HookStages.ToolCall,
        HookStage.PreModelCall => HookStages.PreModelCall,
        HookStage.PostModelCall => HookStages.PostModelCall,
        _ => HookStages.ModelCall,
    };

    private static bool Excludes(HookParameterKind kind, HookStage stage) => kind switch
    {
        HookParameterKind.RunOutput => stage == HookStage.Pre,
        HookParameterKind.ToolCall or HookParameterKind.ToolExecution => stage is not (HookStage.PreToolCall or HookStage.PostToolCall or HookStage.ToolCall),
        HookParameterKind.ModelRequest => stage is not (HookStage.PreModelCall or HookStage.PostModelCall or HookStage.ModelCall),
        HookParameterKind.Next => stage is not (HookStage.ToolCall or HookStage.ModelCall),
        _ => false,
    };

    private static string Why(HookParameter parameter) => parameter.Kind switch
    {
        HookParameterKind.RunOutput => $"its parameter '{parameter.Name}' ({parameter.Type.Name}) exists only after the model has run, so it can only be a post-hook.",
        HookParameterKind.ToolCall or HookParameterKind.ToolExecution => $"its parameter '{parameter.Name}' ({parameter.Type.Name}) is a tool call's, so it can only be a tool hook (PreToolHooks, PostToolHooks, ToolHooks).",
        HookParameterKind.ModelRequest => $"its parameter '{parameter.Name}' ({parameter.Type.Name}) is a model request, so it can only be a model hook (PreModelHooks, PostModelHooks, ModelHooks).",
        _ => $"its parameter '{parameter.Name}' ({parameter.Type.Name}) is the next step of a chain around a call, so it can only be in ToolHooks or ModelHooks.",
    };
}
