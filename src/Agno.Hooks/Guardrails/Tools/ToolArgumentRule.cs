namespace Agno.Hooks;

/// <summary>An argument that blocks a tool call: <see cref="Argument"/> of <see cref="Tool"/> whose text matches <see cref="Pattern"/>.</summary>
/// <param name="Tool">The tool's name (ignoring case), or <c>*</c> for every tool.</param>
/// <param name="Argument">The argument's name, as the tool declares it.</param>
/// <param name="Pattern">A .NET regular expression; a match anywhere in the argument's text blocks the call.</param>
public sealed record ToolArgumentRule(string Tool, string Argument, string Pattern);
