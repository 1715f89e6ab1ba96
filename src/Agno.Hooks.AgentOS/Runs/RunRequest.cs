using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Agno.Hooks.AgentOS.Runs;

/// <summary>
/// The form fields of <c>POST /{kind}/{id}/runs</c>, as Agno reads them: <c>message</c> (required),
/// <c>stream</c> (default true), <c>session_id</c> (a new UUID when empty), <c>user_id</c>,
/// <c>metadata</c> and <c>session_state</c> (JSON objects), and any other field as an extra argument
/// (<c>"true"</c>/<c>"false"</c> as booleans).
/// </summary>
internal sealed class RunRequest
{
    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "message", "stream", "session_id", "user_id", "metadata", "session_state",
    };

    private RunRequest(string message)
    {
        Message = message;
    }

    public string Message { get; }

    public bool Stream { get; private init; } = true;

    public required string SessionId { get; init; }

    public string? UserId { get; private init; }

    public JsonObject? Metadata { get; private init; }

    public JsonObject? SessionState { get; private init; }

    public JsonObject Arguments { get; } = [];

    /// <summary>Reads and checks the form; a problem comes back as a status and a message for <c>detail</c>.</summary>
    public static async Task<(RunRequest? Request, int Status, string? Problem)> ReadAsync(HttpContext context, long maxBodySize)
    {
        var request = context.Request;
        if (!request.HasFormContentType)
        {
            return (null, StatusCodes.Status415UnsupportedMediaType,
                "The body must be form data (multipart/form-data or application/x-www-form-urlencoded).");
        }

        if (request.ContentLength > maxBodySize)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, TooLarge(maxBodySize));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBodySize;
        }

        var limit = (int)Math.Min(maxBodySize, int.MaxValue);
        context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MultipartBodyLengthLimit = maxBodySize,
            ValueLengthLimit = limit,
            MultipartHeadersLengthLimit = Math.Min(limit, 16 * 1024),
            KeyLengthLimit = 1024,
            ValueCountLimit = 256,
        }));

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's own limits and framing errors; 413 when the body is over the limit.
            return (null, exception.StatusCode, exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(maxBodySize)
                : "The request body could not be read.");
        }
        catch (InvalidDataException exception) when (exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"The form is too large: {exception.Message}");
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or FormatException or InvalidOperationException)
        {
            return (null, StatusCodes.Status400BadRequest, "The form data is malformed.");
        }

        return Parse(form);
    }

    private static (RunRequest? Request, int Status, string? Problem) Parse(IFormCollection form)
    {
        if (!form.TryGetValue("message", out var messageValues) || Last(messageValues) is not { } message)
        {
            return Unprocessable("Field required: 'message' (form field).");
        }

        var stream = true;
        if (Last(form["stream"]) is { Length: > 0 } streamText && !TryParseBoolean(streamText, out stream))
        {
            return Unprocessable($"'stream' must be a boolean (true or false), not '{Truncate(streamText)}'.");
        }

        if (!TryParseObject(form, "metadata", out var metadata, out var problem)
            || !TryParseObject(form, "session_state", out var sessionState, out problem))
        {
            return Unprocessable(problem!);
        }

        var sessionId = Last(form["session_id"]);
        var userId = Last(form["user_id"]);
        var run = new RunRequest(message)
        {
            Stream = stream,
            SessionId = string.IsNullOrWhiteSpace(sessionId) ? Guid.NewGuid().ToString() : sessionId,
            UserId = string.IsNullOrEmpty(userId) ? null : userId,
            Metadata = metadata,
            SessionState = sessionState,
        };

        foreach (var (key, values) in form)
        {
            if (!KnownFields.Contains(key))
            {
                run.Arguments[key] = values.Count == 1
                    ? Argument(values[0])
                    : new JsonArray([.. values.Select(Argument)]);
            }
        }

        return (run, StatusCodes.Status200OK, null);
    }

    private static bool TryParseObject(IFormCollection form, string field, out JsonObject? value, out string? problem)
    {
        value = null;
        problem = null;
        var text = Last(form[field]);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject parsed)
            {
                value = parsed;
                return true;
            }
        }
        catch (JsonException)
        {
            // Reported below, without the parser's position details.
        }

        problem = $"'{field}' must be a JSON object.";
        return false;
    }

    /// <summary>Extra fields: <c>"true"</c>/<c>"false"</c> become booleans, as in Agno; the rest stay strings.</summary>
    private static JsonNode? Argument(string? value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? JsonValue.Create(true)
        : string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) ? JsonValue.Create(false)
        : JsonValue.Create(value);

    private static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on":
                value = true;
                return true;
            case "false" or "0" or "no" or "off":
                value = false;
                return true;
            default:
                value = default;
                return false;
        }
    }

    // A repeated field counts by its last value, as in Starlette's form data.
    private static string? Last(StringValues values) => values.Count == 0 ? null : values[^1];

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string TooLarge(long maxBodySize) => $"The request body is larger than the limit of {maxBodySize} bytes.";

    private static (RunRequest?, int, string?) Unprocessable(string problem) => (null, StatusCodes.Status422UnprocessableEntity, problem);
}
