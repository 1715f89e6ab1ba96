using Microsoft.Extensions.AI;

namespace Agno.Hooks.AgentOS.BrowserTests;

/// <summary>
/// A tool taking a <c>city</c> that signals when it is called and answers only once the test lets it: a test looks at
/// what a page shows while the call is under way, so before the run can complete, without sleeping.
/// </summary>
internal sealed class GatedTool
{
    private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="name">The tool's name, which the offline model calls when the message names it.</param>
    /// <param name="answer">The tool's result for a city, once released; it may throw, for a failing tool.</param>
    public GatedTool(string name, Func<string, string> answer) =>
        Function = AIFunctionFactory.Create(
            async (string city, CancellationToken cancellationToken) =>
            {
                _called.TrySetResult();
                await _released.Task.WaitAsync(cancellationToken);
                return answer(city);
            },
            name);

    public AIFunction Function { get; }

    /// <summary>The tool has been called; it waits for <see cref="Release"/>.</summary>
    public Task Called => _called.Task;

    public void Release() => _released.TrySetResult();
}
