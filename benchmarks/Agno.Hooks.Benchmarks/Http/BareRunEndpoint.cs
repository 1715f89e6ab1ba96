using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Benchmarks.Http;

/// <summary>
/// AgentOS's run route written by hand, the floor an AgentOS run is measured against: it reads the same form, asks
/// the model directly and writes the body AgentOS writes (<see cref="BareRunResponse"/>). No hooks, no session store,
/// no run registry, no CORS, no security check: everything AgentOS adds on top of a minimal API is left out.
/// </summary>
internal static class BareRunEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints, string agentId, IChatClient model)
    {
        var provider = model.GetService<ChatClientMetadata>()?.ProviderName;
        endpoints.MapPost($"/agents/{agentId}/runs", async (HttpContext context) =>
        {
            var started = Stopwatch.GetTimestamp();
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var message = form["message"].ToString();
            var answer = await model.GetResponseAsync([new ChatMessage(ChatRole.User, message)], cancellationToken: context.RequestAborted);
            var usage = answer.Usage;
            var run = new BareRunResponse(
                RunId: Guid.NewGuid().ToString(),
                AgentId: agentId,
                SessionId: Guid.NewGuid().ToString(),
                Content: answer.Text,
                ContentType: "str",
                Model: answer.ModelId,
                ModelProvider: provider,
                CreatedAt: DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                Status: "COMPLETED",
                Metrics: new BareRunMetrics(usage?.InputTokenCount, usage?.OutputTokenCount, usage?.TotalTokenCount, Stopwatch.GetElapsedTime(started).TotalSeconds),
                Messages: [new BareRunMessage("user", message), new BareRunMessage("assistant", answer.Text)],
                Input: new BareRunInput(message));

            // Written as AgentOS writes it, whole and with a Content-Length: Results.Json would stream it chunked,
            // a different framing on the wire than the one being compared.
            var body = JsonSerializer.SerializeToUtf8Bytes(run, BareRunJsonContext.Wire.BareRunResponse);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
    }
}
