using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Agno.Hooks;

/// <summary>
/// What the model will be asked. Inline pre-hooks may change it in place; background hooks get a copy.
/// </summary>
public sealed class RunInput
{
    private string _content;

    public RunInput(string content)
    {
        _content = content ?? throw new ArgumentNullException(nameof(content));
    }

    /// <summary>The user's message (Agno's <c>input_content</c>).</summary>
    public string Content
    {
        get => _content;
        set
        {
            _content = value ?? throw new ArgumentNullException(nameof(value));
            Writes |= CopyWatch.Member.Content;
        }
    }

    /// <summary>Earlier messages to send before <see cref="Content"/>.</summary>
    public List<RunMessage> Messages { get; init; } = [];

    /// <summary>The run's metadata: the same object as <see cref="RunContext.Metadata"/> (serialized there).</summary>
    [JsonIgnore]
    public JsonObject Metadata { get; init; } = [];

    /// <summary>The session's state: the same object as <see cref="RunContext.SessionState"/> (serialized there).</summary>
    [JsonIgnore]
    public JsonObject SessionState { get; init; } = [];

    /// <summary>Which members were set since this copy was taken.</summary>
    internal CopyWatch.Member Writes { get; set; }

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
