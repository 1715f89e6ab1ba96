using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// One request to the model inside a run (with tools, one per turn of the tool loop), as its hooks see it: the messages
/// and options before it goes (a hook may change them, or answer in the model's place), then the model's response (a
/// hook may change it before the run, or the tool loop, reads it).
/// </summary>
public sealed class ModelRequest
{
    internal ModelRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, bool isStreaming)
    {
        Messages = [.. messages];
        Options = options;
        IsStreaming = isStreaming;
    }

    /// <summary>The messages the model will get: a hook before the request may change them.</summary>
    public List<ChatMessage> Messages { get; }

    /// <summary>The options the model will get (tools, response format): a hook before the request may change or replace them.</summary>
    public ChatOptions? Options { get; set; }

    /// <summary>
    /// The model's response. A hook before the request that sets it answers in the model's place (a cache, a canned
    /// reply): the model is not called. A hook after it may change it or replace it.
    /// </summary>
    public ChatResponse? Response { get; set; }

    /// <summary>Whether the run streams: the response then goes on as updates, made from it when a hook after the request or around it held it.</summary>
    public bool IsStreaming { get; }
}
