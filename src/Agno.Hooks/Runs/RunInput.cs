using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Agno.Hooks;

/// <summary>
/// What the model will be asked. Inline pre-hooks may change it in place; background hooks get a copy.
/// </summary>
public sealed class RunInput
{
    private string _content;

    // A run's input reads its metadata and session state from its context (the same objects), made there only when
    // first read; an input made by hand has its own. Its messages are made on first read too.
    private readonly RunContext? _context;
    private List<RunMessage>? _messages;
    private JsonObject? _metadata;
    private JsonObject? _sessionState;

    public RunInput(string content)
    {
        _content = content ?? throw new ArgumentNullException(nameof(content));
    }

    /// <summary>The input of a run of <paramref name="context"/>: its metadata and session state are the context's.</summary>
    internal RunInput(string content, RunContext context, List<RunMessage>? messages)
        : this(content)
    {
        _context = context;
        _messages = messages;
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
    public List<RunMessage> Messages { get => _messages ?? LazyInitializer.EnsureInitialized(ref _messages, static () => []); init => _messages = value; }

    /// <summary>The run's metadata: the same object as <see cref="RunContext.Metadata"/> (serialized there).</summary>
    [JsonIgnore]
    public JsonObject Metadata { get => _metadata ?? _context?.Metadata ?? LazyInitializer.EnsureInitialized(ref _metadata, static () => []); init => _metadata = value; }

    /// <summary>The session's state: the same object as <see cref="RunContext.SessionState"/> (serialized there).</summary>
    [JsonIgnore]
    public JsonObject SessionState { get => _sessionState ?? _context?.SessionState ?? LazyInitializer.EnsureInitialized(ref _sessionState, static () => []); init => _sessionState = value; }

    /// <summary>The messages if they were ever given or read; null otherwise (there are then none).</summary>
    internal List<RunMessage>? MessagesIfMade => _messages;

    /// <summary>Which members were set since this copy was taken.</summary>
    internal CopyWatch.Member Writes { get; set; }

    /// <summary>
    /// A deep copy. <paramref name="context"/> is the context's copy, whose metadata and session state
    /// the copy shares, as the original shares its context's.
    /// </summary>
    public RunInput Clone(RunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(Content, context, _messages?.ConvertAll(m => m.Clone()));
    }
}
