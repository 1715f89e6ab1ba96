namespace Agno.Hooks;

/// <summary>The services of a run that has none: resolving anything fails with the type's name.</summary>
internal sealed class EmptyServiceProvider : IServiceProvider
{
    public static EmptyServiceProvider Instance { get; } = new();

    public object? GetService(Type serviceType) => null;
}
