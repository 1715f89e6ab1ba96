namespace Agno.Hooks;

/// <summary>What a function step returns.</summary>
public sealed record StepOutput(string? Content);
