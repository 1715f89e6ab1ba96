using System.Text;
using System.Text.Json.Nodes;

namespace Agno.Hooks.AgentOS.Tests.Infrastructure;

/// <summary>Reads Agno's SSE frames one at a time, as they arrive, from a response still being streamed.</summary>
internal sealed class ServerSentEventReader(Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body, Encoding.UTF8);

    /// <summary>The next frame; null once the stream has ended.</summary>
    public async Task<ServerSentEventFrame?> NextAsync()
    {
        var eventLine = await _reader.ReadLineAsync().WaitAsync(Waits.Signal);
        if (eventLine is null)
        {
            return null;
        }

        var dataLine = await _reader.ReadLineAsync().WaitAsync(Waits.Signal);
        var blank = await _reader.ReadLineAsync().WaitAsync(Waits.Signal);
        eventLine.ShouldStartWith("event: ");
        dataLine.ShouldNotBeNull().ShouldStartWith("data: ");
        blank.ShouldBe(string.Empty);
        var data = JsonNode.Parse(dataLine["data: ".Length..])!.AsObject();
        return new ServerSentEventFrame(eventLine["event: ".Length..], data);
    }

    /// <summary>Frames until one named <paramref name="name"/> (included).</summary>
    public async Task<List<ServerSentEventFrame>> UntilAsync(string name)
    {
        var frames = new List<ServerSentEventFrame>();
        while (await NextAsync() is { } frame)
        {
            frames.Add(frame);
            if (frame.Event == name)
            {
                return frames;
            }
        }

        throw new ShouldAssertException($"The stream ended before {name}: {string.Join(", ", frames.Select(f => f.Event))}");
    }

    /// <summary>Every frame left, to the end of the stream.</summary>
    public async Task<List<ServerSentEventFrame>> RestAsync()
    {
        var frames = new List<ServerSentEventFrame>();
        while (await NextAsync() is { } frame)
        {
            frames.Add(frame);
        }

        return frames;
    }

    public void Dispose() => _reader.Dispose();
}
