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
[JsonSerializable(typeof(ConfigResponse))]
[JsonSerializable(typeof(RootResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(HookRunsResponse))]
internal sealed partial class AgentOSJsonContext : JsonSerializerContext;
