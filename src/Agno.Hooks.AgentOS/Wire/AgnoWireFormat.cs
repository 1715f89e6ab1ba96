using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.AgentOS.Wire;

/// <summary>Maps runs, events, agents, teams and workflows to the shapes of Agno's AgentOS.</summary>
internal static class AgnoWireFormat
{
    /// <summary>
    /// A run of <paramref name="owner"/>: an agent's with <c>agent_id</c>, a team's with <c>team_id</c> and
    /// always <c>member_responses</c>, a workflow's with <c>workflow_id</c> and <c>step_results</c>.
    /// </summary>
    public static RunOutputResponse Run(Runnable owner, RunOutput output)
    {
        var kind = owner.Kind;
        return new RunOutputResponse
        {
            RunId = output.RunId,
            AgentId = kind == HookOwnerKind.Agent ? output.OwnerId : null,
            AgentName = kind == HookOwnerKind.Agent ? output.OwnerName : null,
            TeamId = kind == HookOwnerKind.Team ? output.OwnerId : null,
            TeamName = kind == HookOwnerKind.Team ? output.OwnerName : null,
            WorkflowId = kind == HookOwnerKind.Workflow ? output.OwnerId : null,
            WorkflowName = kind == HookOwnerKind.Workflow ? output.OwnerName : null,
            SessionId = output.SessionId,
            UserId = output.UserId,
            Content = output.Content,
            ContentType = output.ContentType,
            Model = output.Model,
            ModelProvider = output.ModelProvider,
            CreatedAt = output.CreatedAt.ToUnixTimeSeconds(),
            Status = WireNames.RunStatus(output.Status),
            Metrics = Metrics(output.Metrics),
            Metadata = NullIfEmpty(output.Metadata),
            Messages = Messages(output),
            Input = Input(output.Input),
            Tools = Tools(output),
            MemberResponses = owner is Team team ? MemberResponses(team, output as TeamRunOutput) : null,
            StepResults = (output as WorkflowRunOutput)?.StepResults.Select(StepResult).ToList(),
        };
    }

    /// <summary>A run of an agent of another runtime: an agent's keys, its instructions in <c>messages</c>.</summary>
    public static RunOutputResponse Run(ServedAgent agent, RunOutput output) => new()
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
        Status = WireNames.RunStatus(output.Status),
        Metrics = Metrics(output.Metrics),
        Metadata = NullIfEmpty(output.Metadata),
        Messages = output.Messages.Count > 0 ? Messages(output) : Messages(agent.Instructions, output),
        Input = Input(output.Input),
        Tools = Tools(output),
    };

    /// <summary>
    /// <paramref name="runEvent"/> as Agno's event; <paramref name="asKind"/> writes it as another kind (a failed tool
    /// call's <c>ToolCallCompleted</c>, which Agno sends before its <c>ToolCallError</c>).
    /// </summary>
    public static RunEventResponse Event(RunEvent runEvent, RunEventKind? asKind = null)
    {
        var output = runEvent.Output;
        var kind = asKind ?? runEvent.Kind;
        var owner = runEvent.Owner;
        var ownerKind = owner.Kind;
        var isError = kind == RunEventKind.RunError;
        var isToolEvent = kind is RunEventKind.ToolCallStarted or RunEventKind.ToolCallCompleted or RunEventKind.ToolCallError;

        // A workflow's error and a tool call's carry `error` instead of `content`.
        var errorNotContent = (isError && ownerKind == HookOwnerKind.Workflow) || kind == RunEventKind.ToolCallError;
        return new RunEventResponse
        {
            CreatedAt = runEvent.CreatedAt.ToUnixTimeSeconds(),
            Event = EventName(kind, ownerKind),
            AgentId = ownerKind == HookOwnerKind.Agent ? owner.Id : null,
            AgentName = ownerKind == HookOwnerKind.Agent ? owner.Name : null,
            TeamId = ownerKind == HookOwnerKind.Team ? owner.Id : null,
            TeamName = ownerKind == HookOwnerKind.Team ? owner.Name : null,
            WorkflowId = ownerKind == HookOwnerKind.Workflow ? owner.Id : null,
            WorkflowName = ownerKind == HookOwnerKind.Workflow ? owner.Name : null,
            RunId = runEvent.RunId,
            SessionId = runEvent.SessionId,
            NestedDepth = runEvent.NestedDepth,
            StepName = runEvent.StepName,
            Model = kind == RunEventKind.RunStarted ? output?.Model : null,
            ModelProvider = kind == RunEventKind.RunStarted ? output?.ModelProvider : null,
            PreHookName = kind is RunEventKind.PreHookStarted or RunEventKind.PreHookCompleted ? runEvent.HookName : null,
            PostHookName = kind is RunEventKind.PostHookStarted or RunEventKind.PostHookCompleted ? runEvent.HookName : null,
            RunInput = kind is RunEventKind.PreHookStarted or RunEventKind.PreHookCompleted ? Input(runEvent.Input) : null,
            Content = errorNotContent ? null : runEvent.Content,
            Error = errorNotContent ? runEvent.Content : null,
            ContentType = kind is RunEventKind.RunContent or RunEventKind.RunCompleted ? output?.ContentType ?? "str" : null,
            Metrics = kind == RunEventKind.RunCompleted && output is not null ? Metrics(output.Metrics) : null,
            Metadata = kind == RunEventKind.RunCompleted ? NullIfEmpty(output?.Metadata) : null,
            Tool = isToolEvent && runEvent.Tool is { } tool ? Tool(tool) : null,
            Tools = kind == RunEventKind.RunCompleted && output is not null ? Tools(output) : null,
            ErrorType = isError ? output?.ErrorType : null,
            ErrorId = isError ? output?.ErrorId : null,
            AdditionalData = isError ? output?.ErrorData : null,
        };
    }

    /// <summary>
    /// Agno's event name: an agent's is the kind's name, a team's has the <c>Team</c> prefix
    /// (<c>TeamRunStarted</c>), a workflow's run events are <c>WorkflowStarted</c>/<c>WorkflowCompleted</c>/<c>WorkflowError</c>
    /// and its hook events have the <c>Workflow</c> prefix (Agno has no workflow hooks to name them).
    /// </summary>
    public static string EventName(RunEventKind kind, HookOwnerKind ownerKind = HookOwnerKind.Agent) => (ownerKind, kind) switch
    {
        (_, RunEventKind.StepStarted or RunEventKind.StepCompleted) => kind.ToString(),
        (HookOwnerKind.Team, _) => "Team" + kind.ToString(),
        (HookOwnerKind.Workflow, RunEventKind.RunStarted) => "WorkflowStarted",
        (HookOwnerKind.Workflow, RunEventKind.RunCompleted) => "WorkflowCompleted",
        (HookOwnerKind.Workflow, RunEventKind.RunError) => "WorkflowError",
        (HookOwnerKind.Workflow, _) => "Workflow" + kind.ToString(),
        _ => kind.ToString(),
    };

    public static AgentResponse DescribeAgent(Agent agent, string? dbId = null) => new()
    {
        Id = agent.Id,
        Name = agent.Name,
        Description = agent.Description,
        DbId = dbId,
        Model = Model(agent.Model),
    };

    /// <summary>An agent of another runtime, with the keys of an agent.</summary>
    public static AgentResponse DescribeAgent(ServedAgent agent, string? dbId = null) => new()
    {
        Id = agent.Id,
        Name = agent.Name,
        Description = agent.Description,
        DbId = dbId,
        Model = Model(agent.ModelMetadata),
    };

    /// <summary>A team with its members; a member agent is written with the same keys, without mode and members.</summary>
    public static TeamResponse DescribeTeam(Runnable member) => DescribeTeam(member, dbId: null);

    public static TeamResponse DescribeTeam(Runnable member, string? dbId) => member switch
    {
        Team team => new TeamResponse
        {
            Id = team.Id,
            Name = team.Name,
            Description = team.Description,
            DbId = dbId,
            Model = Model(team.Model),
            Mode = team.Mode.ToString().ToLowerInvariant(),
            Members = team.Members.Select(DescribeTeam).ToList(),
        },
        Agent agent => new TeamResponse { Id = agent.Id, Name = agent.Name, Description = agent.Description, Model = Model(agent.Model) },
        _ => new TeamResponse { Id = member.Id, Name = member.Name, Description = member.Description },
    };

    public static WorkflowResponse DescribeWorkflow(Workflow workflow, string? dbId = null) => new()
    {
        Id = workflow.Id,
        Name = workflow.Name,
        Description = workflow.Description,
        DbId = dbId,
        Steps = workflow.Steps.Select(Step).ToList(),
    };

    private static StepResponse Step(WorkflowStep step) => new()
    {
        Name = step.Name,
        StepType = step.Runnable is { } runnable ? WireNames.OwnerKind(runnable.Kind) : step.ParallelSteps.Count > 0 ? "parallel" : "function",
        AgentId = (step.Runnable as Agent)?.Id,
        TeamId = (step.Runnable as Team)?.Id,
        Steps = step.ParallelSteps.Count > 0 ? step.ParallelSteps.Select(Step).ToList() : null,
    };

    private static ModelResponse? Model(IChatClient? model) => Model(model?.GetService<ChatClientMetadata>());

    private static ModelResponse? Model(ChatClientMetadata? metadata) =>
        metadata is null ? null : new ModelResponse { Id = metadata.DefaultModelId, Provider = metadata.ProviderName };

    private static List<RunOutputResponse> MemberResponses(Team team, TeamRunOutput? output) =>
        output is null
            ? []
            : output.MemberResponses
                .Select(response => Run(team.Members.FirstOrDefault(member => member.Id == response.OwnerId) ?? (Runnable)team, response))
                .ToList();

    private static StepResultResponse StepResult(StepResult result) => new()
    {
        StepName = result.StepName,
        Content = result.Content,
        Success = result.Status == RunStatus.Completed,
        Error = result.Error,
        Steps = result.Steps.Count > 0 ? result.Steps.Select(StepResult).ToList() : null,
    };

    /// <summary>The body of <c>GET /hooks/runs</c> (AgentOS's own route; Agno has none).</summary>
    public static HookRunsResponse HookRuns(int capacity, BackgroundHookStatistics statistics, IEnumerable<BackgroundHookResult> executions) => new()
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
            Refused = statistics.Refused,
            Abandoned = statistics.Abandoned,
        },
        Runs = executions.Select(execution => new HookRunResponse
        {
            HookName = execution.HookName,
            RunId = execution.RunId,
            Status = execution.StatusName,
            StartedAt = execution.StartedAt,
            Duration = execution.Duration.TotalSeconds,
            Error = execution.Error,
        }).ToList(),
    };

    private static MetricsResponse Metrics(RunMetrics metrics) => new()
    {
        InputTokens = NullIfZero(metrics.InputTokens),
        OutputTokens = NullIfZero(metrics.OutputTokens),
        TotalTokens = NullIfZero(metrics.TotalTokens),
        TimeToFirstToken = metrics.TimeToFirstToken?.TotalSeconds,
        Duration = metrics.Duration.TotalSeconds,
    };

    /// <summary>A run's tool calls, in order; null when it made none (Agno leaves <c>tools</c> out then).</summary>
    private static List<ToolExecutionResponse>? Tools(RunOutput output) =>
        output.Tools is { Count: > 0 } tools ? tools.ConvertAll(Tool) : null;

    private static ToolExecutionResponse Tool(ToolExecution tool) =>
        Tool(tool.ToolCallId, tool.ToolName, tool.ToolArgs, tool.Result, tool.ToolCallError, tool.CreatedAt, tool.StartedAt, tool.Duration);

    /// <summary>A tool call as Agno's <c>ToolExecution</c>: of a run, or of a run stored in a session.</summary>
    public static ToolExecutionResponse Tool(
        string toolCallId, string toolName, JsonObject? toolArgs, string? result, bool toolCallError, DateTimeOffset createdAt, DateTimeOffset? startedAt, TimeSpan? duration)
    {
        // A call that has not ended has no outcome yet: Agno's ToolCallStarted has neither tool_call_error nor result.
        var ended = toolCallError || result is not null || duration is not null;
        return new ToolExecutionResponse
        {
            ToolCallId = toolCallId,
            ToolName = toolName,
            ToolArgs = toolArgs,
            ToolCallError = ended ? toolCallError : null,
            Result = result,
            Metrics = startedAt is { } start && duration is { } elapsed
                ? new ToolMetricsResponse { StartTime = UnixSeconds(start), EndTime = UnixSeconds(start + elapsed), Duration = elapsed.TotalSeconds }
                : null,
            CreatedAt = createdAt.ToUnixTimeSeconds(),
        };
    }

    /// <summary>A time as Agno's <c>time()</c>: Unix seconds with their fraction.</summary>
    private static double UnixSeconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).TotalSeconds;

    private static InputResponse? Input(RunInput? input) => input is null ? null : new() { InputContent = input.Content };

    /// <summary>
    /// The conversation the model was sent (for a team, what its leader was sent), then its answer; as recorded by
    /// the model call. A run that never reached a model (rejected, routed to a member, a workflow) has none.
    /// </summary>
    private static List<MessageResponse>? Messages(RunOutput output)
    {
        // A post-hook that rejected the run replaced the answer: the model's is not shown either.
        var count = output.Status != RunStatus.Completed && output.Messages is [.., { Role: "assistant" }] ? output.Messages.Count - 1 : output.Messages.Count;
        return count == 0 ? null : output.Messages.GetRange(0, count).ConvertAll(message => new MessageResponse { Role = message.Role, Content = message.Text });
    }

    /// <summary>For a run whose model call was not recorded (an agent of another runtime): instructions, history, the message, the answer.</summary>
    private static List<MessageResponse>? Messages(string? instructions, RunOutput output)
    {
        if (output.Input is null)
        {
            return null;
        }

        var messages = new List<MessageResponse>(output.Input.Messages.Count + 3);
        if (!string.IsNullOrWhiteSpace(instructions))
        {
            messages.Add(new MessageResponse { Role = "system", Content = instructions });
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
