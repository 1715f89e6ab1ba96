namespace Agno.Hooks;

/// <summary>One parameter of a hook method, as the generator saw it at compile time.</summary>
/// <param name="Name">The parameter's name, used in error messages.</param>
/// <param name="Kind">How it is bound.</param>
/// <param name="Type">The parameter's declared type.</param>
public readonly record struct HookParameter(string Name, HookParameterKind Kind, Type Type);
