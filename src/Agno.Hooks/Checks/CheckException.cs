using System.Text.Json.Nodes;

namespace Agno.Hooks;

/// <summary>
/// Thrown by a hook to reject a run. The run is not failed with it: it ends with status
/// <see cref="RunStatus.Error"/>, the message as content and the trigger as error id.
/// </summary>
public abstract class CheckException : Exception
{
    protected CheckException(string message, CheckTrigger trigger, JsonObject? additionalData, Exception? innerException)
        : base(message, innerException)
    {
        Trigger = trigger;
        AdditionalData = additionalData;
    }

    public CheckTrigger Trigger { get; }

    public JsonObject? AdditionalData { get; }

    /// <summary>Agno's <c>error_type</c>: <c>input_check_error</c> or <c>output_check_error</c>.</summary>
    public abstract string ErrorType { get; }
}
