using System.Collections.Concurrent;
using Agno.Hooks;

namespace Consumer;

/// <summary>Static hooks: sync, Task and ValueTask.</summary>
public static partial class ConsumerHooks
{
    [Hook]
    public static void Shout(RunInput input) => input.Content = input.Content.ToUpperInvariant();

    [Hook]
    public static async Task TagAsync(RunInput input, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        input.Metadata["tagged"] = true;
    }

    [Hook(Name = "consumer.sign")]
    public static ValueTask Sign(RunOutput output)
    {
        output.Content += " [signed]";
        return default;
    }
}

/// <summary>Instance hooks: the object comes from DI, registered by AddAgnoHooksFrom.</summary>
public sealed partial class Auditor(Journal journal)
{
    [Hook]
    public void Audit(RunOutput output, Agent agent) => journal.Add($"audit:{agent.Id}:{output.Status}");

    [Hook(RunInBackground = true)]
    public async Task ArchiveAsync(RunOutput output, CancellationToken cancellationToken)
    {
        await Task.Delay(10, cancellationToken);
        journal.Add($"archived:{output.Content}");
    }
}

public sealed class Journal
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IEnumerable<string> Entries => _entries;

    public void Add(string entry) => _entries.Enqueue(entry);
}
