using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Agno.Hooks;

/// <summary>
/// The result of a run. Inline post-hooks may change it in place; background hooks get a copy.
/// A run rejected by a check has <see cref="Status"/> <see cref="RunStatus.Error"/> and the error fields set.
/// </summary>
public class RunOutput
{
    public RunOutput()
    {
    }

    /// <summary>The output of a run of <paramref name="owner"/>, sharing the run's metadata.</summary>
    [SetsRequiredMembers]
    internal RunOutput(RunContext run, IHookOwner owner, DateTimeOffset createdAt)
    {
        RunId = run.RunId;
        SessionId = run.SessionId;
        UserId = run.UserId;
        OwnerId = owner.Id;
        OwnerName = owner.Name;
        CreatedAt = createdAt;
        Metadata = run.Metadata;
    }

    public required string RunId { get; init; }

    public required string SessionId { get; init; }

    public string? UserId { get; init; }

    /// <summary>The id of the agent (or team, or workflow) that ran.</summary>
    public required string OwnerId { get; init; }

    public string? OwnerName { get; init; }

    public string? Content { get; set; }

    public string ContentType { get; set; } = "str";

    public string? Model { get; set; }

    public string? ModelProvider { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public RunStatus Status { get; set; } = RunStatus.Running;

    public RunMetrics Metrics { get; init; } = new();

    public JsonObject Metadata { get; init; } = [];

    /// <summary>The input as the model saw it, after the inline pre-hooks.</summary>
    public RunInput? Input { get; set; }

    /// <summary><c>input_check_error</c> or <c>output_check_error</c>, or another error kind.</summary>
    public string? ErrorType { get; set; }

    /// <summary>The check trigger's id, such as <c>input_not_allowed</c>.</summary>
    public string? ErrorId { get; set; }

    public JsonObject? ErrorData { get; set; }

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
        copy.ErrorType = ErrorType;
        copy.ErrorId = ErrorId;
        copy.ErrorData = ErrorData?.DeepClone().AsObject();
        return copy;
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
        Metadata = context.Metadata;
    }
}
