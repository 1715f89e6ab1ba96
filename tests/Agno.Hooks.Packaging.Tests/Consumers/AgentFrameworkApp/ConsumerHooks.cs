using Agno.Hooks;
using Microsoft.Agents.AI;

namespace Consumer;

public sealed class Journal
{
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public void Add(string entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }
}

public static partial class ConsumerHooks
{
    [Hook(Guardrail = true)]
    public static void RejectSecrets(RunInput input)
    {
        if (input.Content.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputCheckException("Secrets are not allowed");
        }
    }

    [Hook]
    public static void Shout(RunInput input) => input.Content = input.Content.ToUpperInvariant();

    [Hook]
    public static void Sign(RunOutput output, AIAgent agent) => output.Content += $" [signed by {agent.Name}]";

    [Hook(RunInBackground = true)]
    public static void Archive(RunOutput output, Journal journal) => journal.Add($"archived:{output.Content}");
}
