namespace Agno.Hooks;

/// <summary>What happened to one inline hook, as a stage streams it.</summary>
internal enum HookEventKind
{
    /// <summary>The hook is about to run.</summary>
    Started,

    /// <summary>The hook returned.</summary>
    Completed,

    /// <summary>The hook threw something other than a check: logged, and the run goes on.</summary>
    Failed,

    /// <summary>The hook threw a <see cref="CheckException"/>: the run is rejected and the stage stops.</summary>
    Rejected,
}
