using System.Text.Json.Serialization;

namespace Agno.Hooks;

/// <summary>
/// One background hook execution, as data: which hook, whose, and copies of the run's context, input and
/// output taken when it was queued. It can leave the process (<see cref="BackgroundHookSerializer"/>); running it
/// resolves the hook by <see cref="HookName"/> and the owner by <see cref="OwnerKind"/> and <see cref="OwnerId"/>.
/// What the hook binds of it is a <see cref="BackgroundExecutionInfo"/>; how it ended, a <see cref="BackgroundHookResult"/>.
/// </summary>
public sealed class BackgroundHookWorkItem
{
    /// <summary>An execution of <paramref name="hook"/> with copies the caller has already taken.</summary>
    internal BackgroundHookWorkItem(HookDescriptor hook, IHookOwner owner, HookStage stage, RunContext run, RunInput input, RunOutput? output, string? traceParent)
    {
        ArgumentNullException.ThrowIfNull(hook);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(input);
        Hook = hook;
        Owner = owner;
        _executionGuid = ExecutionIds.NewVersion7();
        Attempt = 1;
        HookName = hook.Name;
        Stage = stage;
        OwnerKind = owner.Kind;
        OwnerId = owner.Id;
        OwnerName = owner.Name;
        Run = run;
        Input = input;
        Output = output;
        TraceParent = traceParent;
        Watch = CopyWatch.Start(run, input, output);
    }

    /// <summary>An execution of <paramref name="hook"/> with the arguments of <paramref name="context"/>, which must already be copies.</summary>
    public BackgroundHookWorkItem(HookDescriptor hook, HookContext context)
        : this(hook, (context ?? throw new ArgumentNullException(nameof(context))).Owner, context.Stage, context.Run, context.Input, context.Output, traceParent: null)
    {
    }

    /// <summary>An execution restored from data (a durable queue's job): the hook and owner are resolved when it runs.</summary>
    [JsonConstructor]
    public BackgroundHookWorkItem(string executionId, int attempt, string hookName, HookStage stage, HookOwnerKind ownerKind, string ownerId, string? ownerName, RunContext run, RunInput input, RunOutput? output, string? traceParent)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        ArgumentException.ThrowIfNullOrEmpty(hookName);
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        _executionId = executionId;
        _executionGuid = ExecutionIds.Parse(executionId);
        Attempt = attempt;
        HookName = hookName;
        Stage = stage;
        OwnerKind = ownerKind;
        OwnerId = ownerId;
        OwnerName = ownerName;

        // Re-link what a run shares (metadata and session state live on the context, and are serialized there),
        // as the copies had it: the outputs' inputs, members' and steps' included, come with their own data.
        Run = run;
        Input = input.Clone(run);
        Output = output?.Clone(run);

        TraceParent = traceParent;
        Watch = CopyWatch.Start(Run, Input, Output);
    }

    /// <summary>
    /// Stable across attempts and processes: a hook can bind it to deduplicate its side effects. A Guid version 7 in
    /// the "N" format, unless the item was restored with an id of the caller's choosing.
    /// </summary>
    public string ExecutionId => Volatile.Read(ref _executionId) ?? FormatExecutionId();

    /// <summary>1 for the first try; a durable queue counts its retries here.</summary>
    public int Attempt { get; }

    /// <summary>The hook's stable name, by which it is found again.</summary>
    public string HookName { get; }

    public HookStage Stage { get; }

    public HookOwnerKind OwnerKind { get; }

    public string OwnerId { get; }

    // Written even when null, like every member the JSON constructor takes: its parameters are required.
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? OwnerName { get; }

    /// <summary>The hook's copy of the run's context.</summary>
    public RunContext Run { get; }

    /// <summary>The hook's copy of the input, after the inline pre-hooks.</summary>
    public RunInput Input { get; }

    /// <summary>The hook's copy of the output, after the inline post-hooks; null for a pre-hook.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public RunOutput? Output { get; }

    /// <summary>For a hook after a tool call: the hook's copy of the call's record, as it ended; null otherwise.</summary>
    public ToolExecution? Tool { get; init; }

    /// <summary>The W3C trace context of the run's span, so the execution's span links to it wherever it runs.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? TraceParent { get; }

    /// <summary>The run's id.</summary>
    [JsonIgnore]
    public string RunId => Run.RunId;

    /// <summary>The hook, when the item was captured in this process; null once restored from data.</summary>
    [JsonIgnore]
    public HookDescriptor? Hook { get; }

    /// <summary>The owner, when the item was captured in this process; null once restored from data.</summary>
    [JsonIgnore]
    public IHookOwner? Owner { get; }

    /// <summary>The execution's id and attempt, as a hook binds them (<see cref="BackgroundExecutionInfo"/>).</summary>
    [JsonIgnore]
    internal BackgroundExecutionInfo Identity => _identity ??= new BackgroundExecutionInfo(ExecutionId, Attempt);

    /// <summary>The same execution as another attempt: what a durable queue runs when it tries again.</summary>
    public BackgroundHookWorkItem WithAttempt(int attempt) =>
        attempt == Attempt ? this : new BackgroundHookWorkItem(ExecutionId, attempt, HookName, Stage, OwnerKind, OwnerId, OwnerName, Run, Input, Output, TraceParent) { Tool = Tool?.Clone() };

    private BackgroundExecutionInfo? _identity;

    // The id is made with the item, and written out the first time someone reads it (a hook that binds
    // BackgroundExecutionInfo, a durable queue serializing the item, a trace): an execution nobody asks about, the
    // common case in memory, never allocates its 88-byte text.
    private readonly Guid _executionGuid;
    private string? _executionId;

    /// <summary>The id as a Guid, for records that write it out only when read; empty when it is not one (see <see cref="ExecutionIds.Parse"/>).</summary>
    internal Guid ExecutionGuid => _executionGuid;

    private string FormatExecutionId()
    {
        // Readers racing here format the same text; all of them return the one that was kept.
        var text = _executionGuid.ToString("N");
        return Interlocked.CompareExchange(ref _executionId, text, null) ?? text;
    }

    /// <summary>What the copies looked like when taken, to tell afterwards whether the hook wrote to them.</summary>
    internal CopyWatch? Watch { get; }
}
