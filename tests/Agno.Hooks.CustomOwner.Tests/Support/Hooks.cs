using System.Collections.Concurrent;

namespace Agno.Hooks.CustomOwner.Tests.Support;

/// <summary>Hand-built descriptors, for hooks that close over a test's state.</summary>
internal static class TestHooks
{
    public static readonly HookParameter InputParameter = new("input", HookParameterKind.RunInput, typeof(RunInput));
    public static readonly HookParameter OutputParameter = new("output", HookParameterKind.RunOutput, typeof(RunOutput));

    public static HookDescriptor Pre(string name, Action<HookContext> body, bool background = false, bool guardrail = false) =>
        new(name, c => { body(c); return default; }, [InputParameter]) { RunInBackground = background, Guardrail = guardrail };

    public static HookDescriptor Post(string name, Action<HookContext> body, bool background = false, bool guardrail = false) =>
        new(name, c => { body(c); return default; }, [OutputParameter]) { RunInBackground = background, Guardrail = guardrail };

    public static HookDescriptor PostAsync(string name, Func<HookContext, Task> body, bool background = false) =>
        new(name, c => new ValueTask(body(c)), [OutputParameter]) { RunInBackground = background };
}

/// <summary>Hooks written as users write them: the generator emits their descriptors, in this assembly.</summary>
public static partial class OwnerHooks
{
    [Hook(Guardrail = true)]
    public static void RejectSecrets(RunInput input)
    {
        if (input.Content.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputCheckException("Secrets are not allowed", CheckTrigger.InputNotAllowed);
        }
    }

    [Hook]
    public static void Redact(RunInput input) => input.Content = input.Content.Replace("4111", "****", StringComparison.Ordinal);

    /// <summary>Binds its owner as <see cref="IHookOwner"/>, so it fits any owner, ours included.</summary>
    [Hook(RunInBackground = true)]
    public static async Task Audit(RunOutput output, IHookOwner owner, RunContext run, AuditLog log, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        log.Add($"{owner.Id}/{run.SessionId}: {output.Content}");
    }

    /// <summary>Needs an <see cref="Agent"/>: it can't be attached to an owner of another kind.</summary>
    [Hook]
    public static void NeedsAnAgent(RunInput input, Agent agent) => input.Content = $"{agent.Id}: {input.Content}";
}

public sealed class AuditLog
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => [.. _entries];

    public void Add(string entry) => _entries.Enqueue(entry);
}
