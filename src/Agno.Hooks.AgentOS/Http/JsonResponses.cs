using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Agno.Hooks.AgentOS.Wire;
using Microsoft.AspNetCore.Http;

namespace Agno.Hooks.AgentOS.Http;

/// <summary>Writes JSON bodies, and Agno's <c>{"detail": ...}</c> errors.</summary>
internal static class JsonResponses
{
    public static Task WriteAsync<T>(HttpContext context, T value, JsonTypeInfo<T> typeInfo, int statusCode = StatusCodes.Status200OK)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>An error: the status and <c>{"detail": message}</c>. The message never carries exception details.</summary>
    public static Task WriteErrorAsync(HttpContext context, int statusCode, string detail) =>
        WriteAsync(context, new ErrorResponse { Detail = detail }, AgentOSJsonContext.Wire.ErrorResponse, statusCode);
}
