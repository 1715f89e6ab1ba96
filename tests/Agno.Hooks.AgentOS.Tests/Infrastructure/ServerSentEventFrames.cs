using System.Text.Json.Nodes;

namespace Agno.Hooks.AgentOS.Tests.Infrastructure;

/// <summary>One parsed frame of Agno's SSE format.</summary>
internal sealed record ServerSentEventFrame(string Event, JsonObject Data);

internal static class ServerSentEventFrames
{
    /// <summary>Parses a whole stream strictly: each frame is exactly <c>event: X\ndata: {json}</c>, frames end with a blank line.</summary>
    public static List<ServerSentEventFrame> Parse(string body)
    {
        body.ShouldEndWith("\n\n");
        var frames = new List<ServerSentEventFrame>();
        foreach (var block in body[..^2].Split("\n\n"))
        {
            var lines = block.Split('\n');
            lines.Length.ShouldBe(2, $"A frame has an event line and one data line: {block}");
            lines[0].ShouldStartWith("event: ");
            lines[1].ShouldStartWith("data: ");
            var name = lines[0]["event: ".Length..];
            var data = JsonNode.Parse(lines[1]["data: ".Length..])!.AsObject();
            data["event"]!.GetValue<string>().ShouldBe(name);
            frames.Add(new ServerSentEventFrame(name, data));
        }

        return frames;
    }
}
