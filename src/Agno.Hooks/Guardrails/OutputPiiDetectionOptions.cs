namespace Agno.Hooks;

/// <summary>Options of <see cref="OutputPiiDetectionGuardrail"/>: the same as the input's, for the run's answer.</summary>
public sealed class OutputPiiDetectionOptions : PiiDetectionOptions
{
}
