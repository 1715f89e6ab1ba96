using Agno.Hooks.AgentOS.Wire;

namespace Agno.Hooks.AgentOS.Runs;

/// <summary>What the run endpoint runs: an <see cref="Agent"/>, <see cref="Team"/> or <see cref="Workflow"/>, or a <see cref="ServedAgent"/> of another runtime.</summary>
internal sealed class RunTarget(
    IHookOwner owner,
    Func<string, RunOptions, CancellationToken, Task<RunOutput>> run,
    Func<string, RunOptions, CancellationToken, IAsyncEnumerable<RunEvent>> stream,
    Func<RunOutput, RunOutputResponse> wire)
{
    public IHookOwner Owner { get; } = owner;

    public string Id => Owner.Id;

    /// <summary>Whether AgentOS sends the session's earlier turns with a run: only our own <see cref="Agent"/>s take them
    /// (a served agent of another runtime keeps its own conversation; teams and workflows take none).</summary>
    public bool TakesHistory { get; private init; }

    public static RunTarget? For(Runnable? runnable) => runnable is null
        ? null
        : new(runnable, runnable.RunAsync, runnable.RunStreamingAsync, output => AgnoWireFormat.Run(runnable, output)) { TakesHistory = runnable is Agent };

    public static RunTarget For(ServedAgent served) =>
        new(served.Owner, served.RunAsync, served.RunStreamingAsync, output => AgnoWireFormat.Run(served, output));

    public Task<RunOutput> RunAsync(string message, RunOptions options, CancellationToken cancellationToken) => run(message, options, cancellationToken);

    public IAsyncEnumerable<RunEvent> RunStreamingAsync(string message, RunOptions options, CancellationToken cancellationToken) => stream(message, options, cancellationToken);

    public RunOutputResponse Wire(RunOutput output) => wire(output);
}
