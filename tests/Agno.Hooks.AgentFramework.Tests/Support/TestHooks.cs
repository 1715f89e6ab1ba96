namespace Agno.Hooks.AgentFramework.Tests.Support;

/// <summary>The hooks the tests attach: ordinary [Hook] methods, bound by the generator.</summary>
public static partial class TestHooks
{
    [Hook(Guardrail = true)]
    public static void RejectSecrets(RunInput input, HookLog log)
    {
        log.Add("pre:guard");
        if (input.Content.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputCheckException("Secrets are not allowed", CheckTrigger.InputNotAllowed);
        }
    }

    [Hook]
    public static void Redact(RunInput input, HookLog log)
    {
        log.Add("pre:redact");
        input.Content = input.Content.Replace("4111", "****", StringComparison.Ordinal);
    }

    [Hook]
    public static void SeeOwnerAndSession(RunInput input, AIAgent agent, AgentSession session, RunContext run, HookLog log)
    {
        log.Add($"pre:owner {agent.Name} session {run.SessionId}");
        log.Owners.Enqueue(agent);
        log.Sessions.Enqueue(session);
    }

    [Hook]
    public static void Stamp(RunOutput output, HookLog log)
    {
        log.Add($"post:stamp {output.Content}");
        output.Content += " [checked]";
    }

    [Hook(Guardrail = true)]
    public static void RejectLeaks(RunOutput output, HookLog log)
    {
        log.Add("post:guard");
        if (output.Content?.Contains("LEAK", StringComparison.Ordinal) == true)
        {
            throw new OutputCheckException("The answer leaked something", CheckTrigger.OutputNotAllowed);
        }
    }

    [Hook(RunInBackground = true)]
    public static void Record(RunOutput output, RunContext run, HookLog log)
    {
        log.BackgroundContents.Enqueue(output.Content ?? string.Empty);

        // Its copy is its own: this never reaches the caller, nor another hook (AGNH002 says so; the tests prove it).
#pragma warning disable AGNH002
        output.Content = "changed by a background hook";
#pragma warning restore AGNH002
        log.Add($"background:record {output.Model} {output.Metrics.InputTokens}+{output.Metrics.OutputTokens}={output.Metrics.TotalTokens} {output.ResponseId is not null}");
    }

    [Hook(RunInBackground = true)]
    public static Task Wait(RunOutput output, Gate gate, CancellationToken cancellationToken) => gate.PassAsync(cancellationToken);

    [Hook]
    public static void NeedsAgnoAgent(RunInput input, Agent agent)
    {
    }

    [Hook]
    public static void AnyOwner(RunInput input, IHookOwner owner, HookLog log) => log.Add($"pre:any {owner.Id}");
}
