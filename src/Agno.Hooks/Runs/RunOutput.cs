using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Agno.Hooks;

/// <summary>
/// The result of a run. Inline post-hooks may change it in place; background hooks get a copy.
/// A run rejected by a check has <see cref="Status"/> <see cref="RunStatus.Error"/> and the error fields set.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$kind")]
[JsonDerivedType(typeof(RunOutput), "run")]
[JsonDerivedType(typeof(TeamRunOutput), "team")]
[JsonDerivedType(typeof(WorkflowRunOutput), "workflow")]
public class RunOutput
{
    private string? _content;
    private string _contentType = "str";
    private string? _model;
    private string? _modelProvider;
    private RunStatus _status = RunStatus.Running;
    private RunInput? _input;
    private string? _errorType;
    private string? _errorId;
    private JsonObject? _errorData;
    private string? _responseId;

    // A run's output reads its metadata from the run's context (the same object), made there only when first read; an
    // output made otherwise has its own. Its messages are made on first read too.
    private readonly RunContext? _context;
    private JsonObject? _metadata;
    private List<RunMessage>? _messages;
    private List<ToolExecution>? _tools;

    public RunOutput()
    {
    }

    /// <summary>The output of a run of <paramref name="owner"/>, sharing the run's metadata.</summary>
    [SetsRequiredMembers]
    public RunOutput(RunContext run, IHookOwner owner, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(owner);
        RunId = run.RunId;
        SessionId = run.SessionId;
        UserId = run.UserId;
        OwnerId = owner.Id;
        OwnerName = owner.Name;
        CreatedAt = createdAt;
        _context = run;
    }

    public required string RunId { get; init; }

    public required string SessionId { get; init; }

    public string? UserId { get; init; }

    /// <summary>The id of the agent (or team, or workflow) that ran.</summary>
    public required string OwnerId { get; init; }

    public string? OwnerName { get; init; }

    public string? Content { get => _content; set => Set(ref _content, value, CopyWatch.Member.Content); }

    public string ContentType { get => _contentType; set => Set(ref _contentType, value, CopyWatch.Member.ContentType); }

    public string? Model { get => _model; set => Set(ref _model, value, CopyWatch.Member.Model); }

    public string? ModelProvider { get => _modelProvider; set => Set(ref _modelProvider, value, CopyWatch.Member.ModelProvider); }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The model's (or the agent runtime's) own id for its response, when it gives one; Agno has no such key.</summary>
    public string? ResponseId { get => _responseId; set => Set(ref _responseId, value, CopyWatch.Member.ResponseId); }

    public RunStatus Status { get => _status; set => Set(ref _status, value, CopyWatch.Member.Status); }

    public RunMetrics Metrics { get; init; } = new();

    /// <summary>The run's metadata: the same object as <see cref="RunContext.Metadata"/> (serialized there).</summary>
    [JsonIgnore]
    public JsonObject Metadata { get => _metadata ?? _context?.Metadata ?? LazyInitializer.EnsureInitialized(ref _metadata, static () => []); init => _metadata = value; }

    /// <summary>The input as the model saw it, after the inline pre-hooks (for a team member or a workflow step: its own input).</summary>
    public RunInput? Input { get => _input; set => Set(ref _input, value, CopyWatch.Member.Input); }

    /// <summary>
    /// What the model was sent (instructions, history, the message; for a team, what its leader was sent) and its
    /// answer, in order; empty when no model was called.
    /// </summary>
    public List<RunMessage> Messages { get => _messages ?? LazyInitializer.EnsureInitialized(ref _messages, static () => []); init => _messages = value; }

    /// <summary><c>input_check_error</c> or <c>output_check_error</c>, or another error kind.</summary>
    public string? ErrorType { get => _errorType; set => Set(ref _errorType, value, CopyWatch.Member.ErrorType); }

    /// <summary>The check trigger's id, such as <c>input_not_allowed</c>.</summary>
    public string? ErrorId { get => _errorId; set => Set(ref _errorId, value, CopyWatch.Member.ErrorId); }

    public JsonObject? ErrorData { get => _errorData; set => Set(ref _errorData, value, CopyWatch.Member.ErrorData); }

    /// <summary>The run's tool calls, in order: Agno's <c>tools</c>.</summary>
    public List<ToolExecution> Tools { get => _tools ?? LazyInitializer.EnsureInitialized(ref _tools, static () => []); init => _tools = value; }

    /// <summary>The tool calls if any were recorded or read; null otherwise (they are then empty).</summary>
    internal List<ToolExecution>? ToolsIfMade => _tools;

    /// <summary>The messages if any were recorded or read; null otherwise (they are then empty).</summary>
    internal List<RunMessage>? MessagesIfMade => _messages;

    /// <summary>A deep copy that shares nothing mutable with this instance.</summary>
    public RunOutput Clone(RunContext context)
    {
        var copy = CreateCopy(context);
        copy.Content = Content;
        copy.ContentType = ContentType;
        copy.Model = Model;
        copy.ModelProvider = ModelProvider;
        copy.Status = Status;
        copy.Input = Input?.Clone(context);
        if (_messages is { Count: > 0 } messages)
        {
            copy.Messages.AddRange(messages.ConvertAll(message => message.Clone()));
        }

        if (_tools is { Count: > 0 } tools)
        {
            copy.Tools.AddRange(tools.ConvertAll(tool => tool.Clone()));
        }

        copy.ErrorType = ErrorType;
        copy.ErrorId = ErrorId;
        copy.ErrorData = ErrorData?.DeepClone().AsObject();
        copy.ResponseId = ResponseId;
        copy.Writes = default;
        return copy;
    }

    /// <summary>Which members were set since this copy was taken.</summary>
    internal CopyWatch.Member Writes { get; set; }

    private void Set<T>(ref T field, T value, CopyWatch.Member member)
    {
        field = value;
        Writes |= member;
    }

    /// <summary>Creates the copy with the init-only members set; subtypes return their own kind with their own members copied.</summary>
    protected virtual RunOutput CreateCopy(RunContext context) => new(this, context);

    /// <summary>Copies the init-only members of <paramref name="other"/>; the copy shares <paramref name="context"/>'s metadata.</summary>
    [SetsRequiredMembers]
    protected RunOutput(RunOutput other, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(context);
        RunId = other.RunId;
        SessionId = other.SessionId;
        UserId = other.UserId;
        OwnerId = other.OwnerId;
        OwnerName = other.OwnerName;
        CreatedAt = other.CreatedAt;
        Metrics = other.Metrics.Clone();
        _context = context;
    }
}
