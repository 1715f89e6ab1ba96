using System.Text.Json.Nodes;

namespace Agno.Hooks;

/// <summary>Rejects a run because of its input.</summary>
public sealed class InputCheckException(string message, CheckTrigger trigger, JsonObject? additionalData = null, Exception? innerException = null)
    : CheckException(message, trigger, additionalData, innerException)
{
    public InputCheckException(string message)
        : this(message, CheckTrigger.InputNotAllowed)
    {
    }

    /// <summary>Agno's <c>error_type</c> of a run rejected because of its input.</summary>
    public const string Type = "input_check_error";

    public override string ErrorType => Type;
}
