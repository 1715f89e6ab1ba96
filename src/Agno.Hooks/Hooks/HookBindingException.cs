namespace Agno.Hooks;

/// <summary>A hook was attached where one of its parameters can't be bound.</summary>
public sealed class HookBindingException : InvalidOperationException
{
    public HookBindingException(string hookName, string? parameterName, string message)
        : base(message)
    {
        HookName = hookName;
        ParameterName = parameterName;
    }

    public string HookName { get; }

    /// <summary>The parameter that can't be bound, when one is to blame.</summary>
    public string? ParameterName { get; }
}
