using System.Buffers;
using System.Text;
using System.Text.Json;
using Agno.Hooks.AgentOS.Wire;

namespace Agno.Hooks.AgentOS.Runs;

/// <summary>Agno's frame: <c>event: &lt;Name&gt;\ndata: &lt;one-line JSON&gt;\n\n</c>, with no terminator frame.</summary>
internal static class ServerSentEvents
{
    public const string ContentType = "text/event-stream";

    private static readonly byte[] EventPrefix = "event: "u8.ToArray();
    private static readonly byte[] DataPrefix = "\ndata: "u8.ToArray();
    private static readonly byte[] FrameEnd = "\n\n"u8.ToArray();
    private static readonly JsonWriterOptions Compact = new() { Encoder = AgentOSJsonContext.Wire.Options.Encoder };

    public static void WriteFrame(IBufferWriter<byte> buffer, RunEventResponse payload)
    {
        buffer.Write(EventPrefix);
        var nameLength = Encoding.UTF8.GetBytes(payload.Event, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(payload.Event.Length)));
        buffer.Advance(nameLength);
        buffer.Write(DataPrefix);

        // Compact JSON escapes control characters, so the data is always one line.
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            JsonSerializer.Serialize(json, payload, AgentOSJsonContext.Wire.RunEventResponse);
        }

        buffer.Write(FrameEnd);
    }
}
