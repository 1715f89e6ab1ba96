namespace Agno.Hooks;

/// <summary>One step of a hook stage, for owners that stream events (Agno's <c>PreHookStarted</c>, ...).</summary>
internal readonly record struct HookEvent(HookEventKind Kind, HookStage Stage, HookDescriptor Hook);
