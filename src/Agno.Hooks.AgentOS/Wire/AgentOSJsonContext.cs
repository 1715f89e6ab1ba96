using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agno.Hooks.AgentOS.Wire;

/// <summary>
/// Every JSON body AgentOS writes, through source-generated serializers (no reflection: trimming and
/// AOT safe). Agno's conventions: snake_case keys, nulls left out, one compact line.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunOutputResponse))]
[JsonSerializable(typeof(RunEventResponse))]
[JsonSerializable(typeof(AgentResponse))]
[JsonSerializable(typeof(IReadOnlyList<AgentResponse>))]
[JsonSerializable(typeof(TeamResponse))]
[JsonSerializable(typeof(IReadOnlyList<TeamResponse>))]
[JsonSerializable(typeof(WorkflowResponse))]
[JsonSerializable(typeof(IReadOnlyList<WorkflowResponse>))]
[JsonSerializable(typeof(ConfigResponse))]
[JsonSerializable(typeof(RootResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(HookRunsResponse))]
internal sealed partial class AgentOSJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context AgentOS writes with: as <see cref="JsonSerializerContext"/>'s default, but quotes and
    /// non-ASCII text stay readable (<c>\"</c>, not <c>\u0022</c>), as Agno's JSON is; these bodies are
    /// never embedded in HTML. Control characters are still escaped, so an SSE data line stays one line.
    /// </summary>
    public static AgentOSJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
