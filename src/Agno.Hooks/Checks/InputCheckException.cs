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

    public override string ErrorType => "input_check_error";
}
