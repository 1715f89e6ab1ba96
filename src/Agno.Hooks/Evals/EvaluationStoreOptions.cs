namespace Agno.Hooks;

/// <summary>Options of <see cref="InMemoryEvaluationStore"/>.</summary>
public sealed class EvaluationStoreOptions
{
    /// <summary>How many results are kept; the oldest go first. Default 1000.</summary>
    public int Capacity { get; set; } = 1000;
}
