using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>The session routes' JSON, source-generated with the conventions of <c>AgentOSJsonContext</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SessionListResponse))]
[JsonSerializable(typeof(SessionDetailResponse))]
[JsonSerializable(typeof(SessionRunResponse))]
[JsonSerializable(typeof(IReadOnlyList<SessionRunResponse>))]
[JsonSerializable(typeof(RenameSessionRequest))]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class SessionJsonContext : JsonSerializerContext
{
    public static SessionJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
