using System.Collections.Concurrent;

namespace Agno.Hooks.Generators.Tests.Support;

/// <summary>What compiled test hooks were called with; hooks get it from DI and record their arguments.</summary>
public sealed class Recorder
{
    public ConcurrentQueue<(string Hook, object?[] Arguments)> Calls { get; } = new();

    public void Record(string hook, params object?[] arguments) => Calls.Enqueue((hook, arguments));

    public object?[] Single(string hook) => Calls.Where(c => c.Hook == hook).ShouldHaveSingleItem().Arguments;
}
