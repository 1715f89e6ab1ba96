using Microsoft.Extensions.AI;

namespace Agno.Hooks.Benchmarks.ToolHooks;

/// <summary>
/// The trivial tool the tool-hook suite calls: returns a constant, without reflection or argument marshalling
/// (<c>AIFunctionFactory</c> would add both to every variant's call), and counts its invocations.
/// </summary>
public sealed class LookupTool : AIFunction
{
    public const string ToolName = "lookup";
    public const string ArgumentName = "query";
    public const string Result = "42";

    /// <summary>How many times the tool ran.</summary>
    public long Invocations { get; private set; }

    public override string Name => ToolName;

    public override string Description => "Looks an answer up.";

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        Invocations++;
        return new(Result);
    }
}
