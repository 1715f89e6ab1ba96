namespace Agno.Hooks.Examples.Tests.Infrastructure;

internal static class Waits
{
    /// <summary>Generous: these waits end on a signal, and only time out when something is broken.</summary>
    public static readonly TimeSpan Signal = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan Start = TimeSpan.FromSeconds(60);

    /// <summary>Longer than the slowest hook (3 s) plus the host's drain.</summary>
    public static readonly TimeSpan Stop = TimeSpan.FromSeconds(60);
}
