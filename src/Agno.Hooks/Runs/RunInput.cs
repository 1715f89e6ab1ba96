using System.Text.Json.Nodes;

namespace Agno.Hooks;

/// <summary>
/// What the model will be asked. Inline pre-hooks may change it in place; background hooks get a copy.
/// </summary>
public sealed class RunInput
{
    public RunInput(string content)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
    }

    /// <summary>The user's message (Agno's <c>input_content</c>).</summary>
    public string Content { get; set; }

    /// <summary>Earlier messages to send before <see cref="Content"/>.</summary>
    public List<RunMessage> Messages { get; init; } = [];

    public JsonObject Metadata { get; init; } = [];

    public JsonObject SessionState { get; init; } = [];

    /// <summary>
    /// A deep copy. <paramref name="context"/> is the context's copy, whose metadata and session state
    /// the copy shares, as the original shares its context's.
    /// </summary>
    public RunInput Clone(RunContext context) => new(Content)
    {
        Messages = Messages.ConvertAll(m => m.Clone()),
        Metadata = context.Metadata,
        SessionState = context.SessionState,
    };
}
