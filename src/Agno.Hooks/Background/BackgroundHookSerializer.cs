using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agno.Hooks;

/// <summary>
/// Turns a <see cref="BackgroundHookWorkItem"/> into JSON and back, for queues that keep work outside the process.
/// Source-generated, so it is trimming and NativeAOT safe.
/// </summary>
public static class BackgroundHookSerializer
{
    public static string Serialize(BackgroundHookWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return JsonSerializer.Serialize(item, BackgroundHookJsonContext.Default.BackgroundHookWorkItem);
    }

    /// <exception cref="JsonException">The text is not a serialized execution.</exception>
    public static BackgroundHookWorkItem Deserialize(string json)
    {
        ArgumentException.ThrowIfNullOrEmpty(json);
        return JsonSerializer.Deserialize(json, BackgroundHookJsonContext.Default.BackgroundHookWorkItem)
            ?? throw new JsonException("A background hook execution was expected, not null.");
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(BackgroundHookWorkItem))]
internal sealed partial class BackgroundHookJsonContext : JsonSerializerContext;
