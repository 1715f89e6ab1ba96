using System.Text.Json.Nodes;

namespace Agno.Hooks;

/// <summary>Rejects a run because of its output.</summary>
public sealed class OutputCheckException(string message, CheckTrigger trigger, JsonObject? additionalData = null, Exception? innerException = null)
    : CheckException(message, trigger, additionalData, innerException)
{
    public OutputCheckException(string message)
        : this(message, CheckTrigger.OutputNotAllowed)
    {
    }

    /// <summary>Agno's <c>error_type</c> of a run rejected because of its output.</summary>
    public const string Type = "output_check_error";

    public override string ErrorType => Type;
}
