using System.ComponentModel;

namespace Agno.Hooks;

/// <summary>One parameter of a hook method, as the generator saw it at compile time.</summary>
/// <param name="Name">The parameter's name, used in error messages.</param>
/// <param name="Kind">How it is bound.</param>
/// <param name="Type">The parameter's declared type.</param>
/// <remarks>Read from <see cref="HookDescriptor.Parameters"/>; made by the generator, so its constructor is hidden from completion.</remarks>
[method: EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct HookParameter(string Name, HookParameterKind Kind, Type Type);
