using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Agno.Hooks.AgentOS.Tests.Infrastructure;

/// <summary>Runs and session calls as Agno's clients make them, for the session tests.</summary>
internal static class SessionClient
{
    /// <summary>A <c>stream=false</c> run; 200 with the run's JSON.</summary>
    public static async Task<JsonObject> RunAsync(AgentOSServer server, string message, string? sessionId = null, string path = "/agents/echo/runs", params (string Name, string Value)[] fields)
    {
        var form = new List<(string, string)> { ("message", message), ("stream", "false") };
        if (sessionId is not null)
        {
            form.Add(("session_id", sessionId));
        }

        form.AddRange(fields);
        using var response = await server.Client.PostAsync(path, AgentOSServer.Form([.. form]));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonNode> GetAsync(AgentOSServer server, string path)
    {
        using var response = await server.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return JsonNode.Parse(body)!;
    }

    /// <summary>The answer is the given error status with <c>{"detail": ...}</c> and nothing else; returns the detail.</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        var json = JsonNode.Parse(body)!.AsObject();
        json.Count.ShouldBe(1, body);
        return json["detail"]!.GetValue<string>();
    }

    public static Task<HttpResponseMessage> RenameAsync(AgentOSServer server, string sessionId, string name) =>
        server.Client.PostAsJsonAsync($"/sessions/{sessionId}/rename", new Dictionary<string, string> { ["session_name"] = name });
}
