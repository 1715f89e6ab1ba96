using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// A run rejected by a check (<see cref="InputCheckException"/> or <see cref="OutputCheckException"/>), as told through
/// Microsoft.Extensions.AI and Microsoft Agent Framework responses: Agno answers such a run with status <c>ERROR</c> and
/// the check's message as content instead of raising, and so do hooked chat clients and agents. Their response then has
/// the message as its text, <see cref="ChatFinishReason.ContentFilter"/> as finish reason, and these fields in its
/// <c>AdditionalProperties</c>; <see cref="From(AdditionalPropertiesDictionary?, string?)"/> reads them back.
/// </summary>
/// <param name="Message">The check's message (Agno's <c>content</c> of the failed run).</param>
/// <param name="ErrorType"><c>input_check_error</c> or <c>output_check_error</c>.</param>
/// <param name="ErrorId">The trigger's id, such as <c>input_not_allowed</c> or <c>pii_detected</c>.</param>
/// <param name="AdditionalData">The check's additional data, if any.</param>
public sealed record HookRejection(string Message, string ErrorType, string ErrorId, JsonObject? AdditionalData = null)
{
    /// <summary><c>"ERROR"</c> on a rejected response.</summary>
    public const string StatusKey = "agno.status";

    public const string ErrorTypeKey = "agno.error_type";

    public const string ErrorIdKey = "agno.error_id";

    /// <summary>The check's additional data, as a <see cref="JsonObject"/>.</summary>
    public const string AdditionalDataKey = "agno.additional_data";

    /// <summary>The value of <see cref="StatusKey"/> on a rejected response, Agno's status name.</summary>
    public const string ErrorStatus = "ERROR";

    /// <summary>The rejection a check raised.</summary>
    public static HookRejection From(CheckException check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new HookRejection(check.Message, check.ErrorType, check.Trigger.Id, check.AdditionalData);
    }

    /// <summary>The rejection that ended a run with <paramref name="output"/>, or null when no check rejected it.</summary>
    public static HookRejection? From(RunOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.Status == RunStatus.Error && output.ErrorType is InputCheckException.Type or OutputCheckException.Type
            ? new HookRejection(output.Content ?? string.Empty, output.ErrorType, output.ErrorId ?? string.Empty, output.ErrorData)
            : null;
    }

    /// <summary>The rejection these properties describe, or null when they describe none.</summary>
    /// <param name="properties">A response's or update's <c>AdditionalProperties</c>.</param>
    /// <param name="text">The response's text, which carries the message.</param>
    public static HookRejection? From(AdditionalPropertiesDictionary? properties, string? text)
    {
        if (properties is null || !properties.TryGetValue(StatusKey, out var status) || status as string != ErrorStatus)
        {
            return null;
        }

        return new HookRejection(
            text ?? string.Empty,
            properties.TryGetValue(ErrorTypeKey, out var type) ? type as string ?? string.Empty : string.Empty,
            properties.TryGetValue(ErrorIdKey, out var id) ? id as string ?? string.Empty : string.Empty,
            properties.TryGetValue(AdditionalDataKey, out var data) ? data as JsonObject : null);
    }

    /// <summary>Writes the error fields into <paramref name="properties"/> (made when null) and returns them.</summary>
    public AdditionalPropertiesDictionary WriteTo(AdditionalPropertiesDictionary? properties)
    {
        properties ??= [];
        properties[StatusKey] = ErrorStatus;
        properties[ErrorTypeKey] = ErrorType;
        properties[ErrorIdKey] = ErrorId;
        if (AdditionalData is not null)
        {
            properties[AdditionalDataKey] = AdditionalData.DeepClone();
        }

        return properties;
    }
}
