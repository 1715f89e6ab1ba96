using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agno.Hooks.Benchmarks.Http;

// The body AgentOS answers a non-streaming agent run with, as a hand-written minimal API would declare it:
// the keys AgentOS writes for an agent without hooks, metadata or a user. HttpPeerBenchmarks checks at set-up
// that the two bodies have the same keys, so a change on either side fails loudly instead of skewing the ratio.

internal sealed record BareRunResponse(
    string RunId,
    string AgentId,
    string SessionId,
    string Content,
    string ContentType,
    string? Model,
    string? ModelProvider,
    long CreatedAt,
    string Status,
    BareRunMetrics Metrics,
    IReadOnlyList<BareRunMessage> Messages,
    BareRunInput Input);

internal sealed record BareRunMetrics(long? InputTokens, long? OutputTokens, long? TotalTokens, double Duration);

internal sealed record BareRunMessage(string Role, string Content);

internal sealed record BareRunInput(string InputContent);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BareRunResponse))]
internal sealed partial class BareRunJsonContext : JsonSerializerContext
{
    /// <summary>
    /// AgentOS's settings: snake_case, nulls left out, and quotes written as <c>\"</c> rather than <c>\u0022</c>
    /// (the offline answer quotes the message), so both bodies have the same bytes, not only the same keys.
    /// </summary>
    public static BareRunJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
