using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.AgentOS.Wire;

/// <summary>Maps runs, events and agents to the shapes of Agno's AgentOS.</summary>
internal static class AgnoWireFormat
{
    public static RunOutputResponse Run(Agent agent, RunOutput output) => new()
    {
        RunId = output.RunId,
        AgentId = output.OwnerId,
        AgentName = output.OwnerName,
        SessionId = output.SessionId,
        UserId = output.UserId,
        Content = output.Content,
        ContentType = output.ContentType,
        Model = output.Model,
        ModelProvider = output.ModelProvider,
        CreatedAt = output.CreatedAt.ToUnixTimeSeconds(),
        Status = Status(output.Status),
        Metrics = Metrics(output.Metrics),
        Metadata = NullIfEmpty(output.Metadata),
        Messages = Messages(agent, output),
        Input = Input(output.Input),
    };

    public static RunEventResponse Event(RunEvent runEvent)
    {
        var output = runEvent.Output;
        var kind = runEvent.Kind;
        return new RunEventResponse
        {
            CreatedAt = runEvent.CreatedAt.ToUnixTimeSeconds(),
            Event = EventName(kind),
            AgentId = runEvent.Owner.Id,
            AgentName = runEvent.Owner.Name,
            RunId = runEvent.RunId,
            SessionId = runEvent.SessionId,
            NestedDepth = runEvent.NestedDepth,
            Model = kind == RunEventKind.RunStarted ? output?.Model : null,
            ModelProvider = kind == RunEventKind.RunStarted ? output?.ModelProvider : null,
            PreHookName = kind is RunEventKind.PreHookStarted or RunEventKind.PreHookCompleted ? runEvent.HookName : null,
            PostHookName = kind is RunEventKind.PostHookStarted or RunEventKind.PostHookCompleted ? runEvent.HookName : null,
            RunInput = kind is RunEventKind.PreHookStarted or RunEventKind.PreHookCompleted ? Input(runEvent.Input) : null,
            Content = runEvent.Content,
            ContentType = kind is RunEventKind.RunContent or RunEventKind.RunCompleted ? output?.ContentType ?? "str" : null,
            Metrics = kind == RunEventKind.RunCompleted && output is not null ? Metrics(output.Metrics) : null,
            Metadata = kind == RunEventKind.RunCompleted ? NullIfEmpty(output?.Metadata) : null,
            ErrorType = kind == RunEventKind.RunError ? output?.ErrorType : null,
            ErrorId = kind == RunEventKind.RunError ? output?.ErrorId : null,
            AdditionalData = kind == RunEventKind.RunError ? output?.ErrorData : null,
        };
    }

    /// <summary>An agent's event names are the kinds' names (teams' and workflows' names come with their routes).</summary>
    public static string EventName(RunEventKind kind) => kind.ToString();

    public static AgentResponse Agent(Agent agent)
    {
        var metadata = agent.Model.GetService<ChatClientMetadata>();
        return new AgentResponse
        {
            Id = agent.Id,
            Name = agent.Name,
            Description = agent.Description,
            Model = metadata is null ? null : new ModelResponse { Id = metadata.DefaultModelId, Provider = metadata.ProviderName },
        };
    }

    /// <summary>The body of <c>GET /hooks/runs</c> (AgentOS's own route; Agno has none).</summary>
    public static HookRunsResponse HookRuns(int capacity, BackgroundHookStatistics statistics, IEnumerable<BackgroundHookExecution> executions) => new()
    {
        Capacity = capacity,
        Statistics = new HookStatisticsResponse
        {
            Queued = statistics.Queued,
            Running = statistics.Running,
            Completed = statistics.Completed,
            Failed = statistics.Failed,
            TimedOut = statistics.TimedOut,
            Cancelled = statistics.Cancelled,
            Rejected = statistics.Rejected,
            Abandoned = statistics.Abandoned,
        },
        Runs = executions.Select(execution => new HookRunResponse
        {
            HookName = execution.HookName,
            RunId = execution.RunId,
            Status = HookStatus(execution.Status),
            StartedAt = execution.StartedAt,
            Duration = execution.Duration.TotalSeconds,
            Error = execution.Error,
        }).ToList(),
    };

    private static string HookStatus(BackgroundHookStatus status) => status switch
    {
        BackgroundHookStatus.Completed => "completed",
        BackgroundHookStatus.Failed => "failed",
        BackgroundHookStatus.TimedOut => "timed_out",
        _ => "cancelled",
    };

    private static string Status(RunStatus status) => status switch
    {
        RunStatus.Pending => "PENDING",
        RunStatus.Running => "RUNNING",
        RunStatus.Completed => "COMPLETED",
        RunStatus.Paused => "PAUSED",
        RunStatus.Cancelled => "CANCELLED",
        RunStatus.Error => "ERROR",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };

    private static MetricsResponse Metrics(RunMetrics metrics) => new()
    {
        InputTokens = NullIfZero(metrics.InputTokens),
        OutputTokens = NullIfZero(metrics.OutputTokens),
        TotalTokens = NullIfZero(metrics.TotalTokens),
        TimeToFirstToken = metrics.TimeToFirstToken?.TotalSeconds,
        Duration = metrics.Duration.TotalSeconds,
    };

    private static InputResponse? Input(RunInput? input) => input is null ? null : new() { InputContent = input.Content };

    /// <summary>The conversation as the model saw it (instructions, history, the message), then its answer.</summary>
    private static List<MessageResponse>? Messages(Agent agent, RunOutput output)
    {
        if (output.Input is null)
        {
            return null;
        }

        var messages = new List<MessageResponse>(output.Input.Messages.Count + 3);
        if (!string.IsNullOrWhiteSpace(agent.Instructions))
        {
            messages.Add(new MessageResponse { Role = "system", Content = agent.Instructions });
        }

        foreach (var message in output.Input.Messages)
        {
            messages.Add(new MessageResponse { Role = message.Role, Content = message.Text });
        }

        messages.Add(new MessageResponse { Role = "user", Content = output.Input.Content });
        if (output.Status == RunStatus.Completed && output.Content is not null)
        {
            messages.Add(new MessageResponse { Role = "assistant", Content = output.Content });
        }

        return messages;
    }

    private static long? NullIfZero(long value) => value == 0 ? null : value;

    private static JsonObject? NullIfEmpty(JsonObject? value) => value is null || value.Count == 0 ? null : value;
}
