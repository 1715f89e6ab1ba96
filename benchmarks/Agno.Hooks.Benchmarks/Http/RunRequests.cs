using System.Net;

namespace Agno.Hooks.Benchmarks.Http;

/// <summary>The request every HTTP suite sends: a non-streaming run of "Hello, hooks", as a form, failing on anything but 200.</summary>
internal static class RunRequests
{
    public const string AgentRunsPath = "/agents/bench-agent/runs";

    /// <summary>Posts the run to <paramref name="runs"/> (absolute, or relative to the client's base address) and returns the body.</summary>
    public static async Task<byte[]> PostAsync(HttpClient client, Uri runs)
    {
        using var response = await client.PostAsync(runs, new FormUrlEncodedContent([new("message", "Hello, hooks"), new("stream", "false")]));
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{runs} answered {(int)response.StatusCode}.");
        }

        return body;
    }
}
