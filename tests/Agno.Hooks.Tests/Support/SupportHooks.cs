using System.Collections.Concurrent;

namespace Agno.Hooks.Tests.Support;

/// <summary>The README's hooks, as users write them: the generator emits their descriptors.</summary>
public static partial class SupportHooks
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

    [Hook]
    public static void Sign(RunOutput output) => output.Content += " -- signed";

    [Hook(RunInBackground = true)]
    public static async Task LogAnalytics(RunOutput output, Agent agent, IAnalyticsSink sink, CancellationToken ct)
        => await sink.WriteAsync(agent.Id, output.Content, ct);

    /// <summary>Records what it saw, for tests of order and arguments.</summary>
    [Hook]
    public static void Record(RunInput input, RunContext run, HookLog log) => log.Add($"{run.SessionId}:{input.Content}");
}

public interface IAnalyticsSink
{
    Task WriteAsync(string agentId, string? content, CancellationToken cancellationToken);
}

public sealed class ListAnalyticsSink : IAnalyticsSink
{
    public ConcurrentQueue<string> Written { get; } = new();

    public Task WriteAsync(string agentId, string? content, CancellationToken cancellationToken)
    {
        Written.Enqueue($"{agentId}: {content}");
        return Task.CompletedTask;
    }
}

public sealed class HookLog
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => [.. _entries];

    public void Add(string entry) => _entries.Enqueue(entry);
}
