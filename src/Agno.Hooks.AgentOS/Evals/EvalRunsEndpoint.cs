using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using Agno.Hooks.AgentOS.Http;
using Agno.Hooks.AgentOS.Security;
using Agno.Hooks.AgentOS.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.AgentOS.Evals;

/// <summary>
/// Agno's <c>GET /eval-runs</c> and <c>GET /eval-runs/{eval_run_id}</c>, over the <see cref="IEvaluationStore"/> that
/// <see cref="AgentAsJudgeEval"/> writes to, in Agno's <c>EvalSchema</c> shape.
/// </summary>
internal sealed class EvalRunsEndpoint(IEvaluationStore store)
{
    /// <summary>Agno's <c>eval_type</c> of every result here.</summary>
    public const string AgentAsJudge = "agent_as_judge";

    private static readonly string[] KnownEvalTypes = ["accuracy", AgentAsJudge, "performance", "reliability"];

    /// <summary><c>GET /eval-runs</c>: newest first by default, filtered, one page, with Agno's <c>meta</c>.</summary>
    public async Task ListAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request.Query;
        if (!TryInt(request["limit"], 20, out var limit) || !TryInt(request["page"], 1, out var page))
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "limit and page must be whole numbers of at least 1.").ConfigureAwait(false);
            return;
        }

        var sortOrder = request["sort_order"].ToString();
        if (sortOrder.Length > 0 && sortOrder is not ("asc" or "desc"))
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "sort_order must be 'asc' or 'desc'.").ConfigureAwait(false);
            return;
        }

        var evalTypes = request["eval_types"].ToString();
        var wantsJudge = evalTypes.Length == 0
            || evalTypes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(AgentAsJudge, StringComparer.Ordinal);
        if (evalTypes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => !KnownEvalTypes.Contains(t)) is { } unknown)
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status422UnprocessableEntity, $"Unknown eval type '{unknown}'.").ConfigureAwait(false);
            return;
        }

        EvaluationPage result;
        if (!wantsJudge || !TryOwnerFilter(request, out var ownerId, out var ownerKind))
        {
            result = new EvaluationPage([], 0);
        }
        else
        {
            result = await store.QueryAsync(
                new EvaluationQuery
                {
                    OwnerId = ownerId,
                    OwnerKind = ownerKind,
                    JudgeModelId = NullIfEmpty(request["model_id"]),
                    Page = page,
                    Limit = limit,
                    NewestFirst = sortOrder != "asc",
                },
                context.RequestAborted).ConfigureAwait(false);
        }

        var body = new EvalRunsPage
        {
            Data = [.. result.Items.Select(Schema)],
            Meta = PaginationInfo.For(page, limit, result.TotalCount, started),
        };
        await JsonResponses.WriteAsync(context, body, EvalRunsJsonContext.Wire.EvalRunsPage).ConfigureAwait(false);
    }

    /// <summary><c>GET /eval-runs/{eval_run_id}</c>: one result, or 404 as Agno answers it.</summary>
    public async Task GetAsync(HttpContext context)
    {
        var id = context.Request.RouteValues["eval_run_id"]?.ToString() ?? string.Empty;
        var result = await store.FindAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (result is null)
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, $"Eval run with id '{id}' not found").ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, Schema(result), EvalRunsJsonContext.Wire.EvalSchema).ConfigureAwait(false);
    }

    /// <summary>Agno's <c>EvalSchema</c> of an agent-as-judge result, with <c>eval_data</c> as Agno's <c>AgentAsJudgeResult</c> of one evaluation.</summary>
    internal static EvalSchema Schema(EvaluationResult result)
    {
        var timestamp = result.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        double? score = result.Score;
        return new EvalSchema
        {
            Id = result.Id,
            AgentId = result.OwnerKind is HookOwnerKind.Agent or HookOwnerKind.Any ? result.OwnerId : null,
            TeamId = result.OwnerKind == HookOwnerKind.Team ? result.OwnerId : null,
            WorkflowId = result.OwnerKind == HookOwnerKind.Workflow ? result.OwnerId : null,
            ModelId = result.JudgeModelId,
            ModelProvider = result.JudgeModelProvider,
            Name = result.Name,
            EvaluatedComponentName = result.OwnerName,
            EvalType = AgentAsJudge,
            EvalData = new EvalData
            {
                RunId = result.Id,
                Results =
                [
                    new EvalDataResult
                    {
                        Input = result.Input,
                        Output = result.Output,
                        Criteria = result.Criteria,
                        Score = result.Score,
                        Reason = result.Reason,
                        Passed = result.Passed,
                    },
                ],
                AvgScore = score,
                MinScore = score,
                MaxScore = score,
                StdDevScore = score is null ? null : 0.0,
                PassRate = result.Passed ? 100.0 : 0.0,
                EvaluatedRunId = result.RunId,
                SessionId = result.SessionId,
                Duration = result.Duration.TotalSeconds,
                Usage = new EvalUsage
                {
                    InputTokens = result.Usage.InputTokens,
                    OutputTokens = result.Usage.OutputTokens,
                    TotalTokens = result.Usage.TotalTokens,
                },
            },
            EvalInput = new EvalInput
            {
                Criteria = result.Criteria,
                ScoringStrategy = result.Scoring == JudgeScoring.Numeric ? "numeric" : "binary",
                Threshold = result.Threshold,
                AdditionalGuidelines = result.AdditionalGuidelines.Count > 0 ? result.AdditionalGuidelines : null,
            },
            CreatedAt = timestamp,
            UpdatedAt = timestamp,
        };
    }

    /// <summary>Agno's owner filters: <c>agent_id</c>, <c>team_id</c>, <c>workflow_id</c> and <c>type</c> (agent, team or workflow).</summary>
    /// <returns>False when the filters contradict each other, so nothing can match.</returns>
    private static bool TryOwnerFilter(IQueryCollection query, out string? ownerId, out HookOwnerKind? ownerKind)
    {
        ownerId = null;
        ownerKind = null;
        foreach (var (name, kind) in new[] { ("agent_id", HookOwnerKind.Agent), ("team_id", HookOwnerKind.Team), ("workflow_id", HookOwnerKind.Workflow) })
        {
            if (NullIfEmpty(query[name]) is not { } id)
            {
                continue;
            }

            if (ownerKind is not null)
            {
                return false;
            }

            (ownerId, ownerKind) = (id, kind);
        }

        HookOwnerKind? typed = query["type"].ToString() switch
        {
            "" => null,
            "agent" => HookOwnerKind.Agent,
            "team" => HookOwnerKind.Team,
            "workflow" => HookOwnerKind.Workflow,
            _ => HookOwnerKind.Any,
        };
        if (typed is { } type)
        {
            if (type == HookOwnerKind.Any || (ownerKind is not null && ownerKind != type))
            {
                return false;
            }

            ownerKind = type;
        }

        return true;
    }

    private static bool TryInt(Microsoft.Extensions.Primitives.StringValues value, int fallback, out int result)
    {
        if (value.Count == 0 || string.IsNullOrEmpty(value.ToString()))
        {
            result = fallback;
            return true;
        }

        return int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= 1;
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrEmpty(value.ToString()) ? null : value.ToString();
}

/// <summary>Agno's <c>PaginatedResponse[EvalSchema]</c>.</summary>
internal sealed class EvalRunsPage
{
    public required IReadOnlyList<EvalSchema> Data { get; init; }

    public required PaginationInfo Meta { get; init; }
}

/// <summary>Agno's <c>EvalSchema</c>. Its null fields are written, as Agno writes them.</summary>
internal sealed class EvalSchema
{
    public required string Id { get; init; }

    public string? AgentId { get; init; }

    public string? ModelId { get; init; }

    public string? ModelProvider { get; init; }

    public string? TeamId { get; init; }

    public string? WorkflowId { get; init; }

    public string? Name { get; init; }

    public string? EvaluatedComponentName { get; init; }

    public required string EvalType { get; init; }

    public required EvalData EvalData { get; init; }

    public EvalInput? EvalInput { get; init; }

    public required string CreatedAt { get; init; }

    public required string UpdatedAt { get; init; }
}

/// <summary>Agno's <c>AgentAsJudgeResult</c> (<c>run_id</c> is the evaluation's own id, as in Agno), plus what Agno does not keep.</summary>
internal sealed class EvalData
{
    public required string RunId { get; init; }

    public required IReadOnlyList<EvalDataResult> Results { get; init; }

    public double? AvgScore { get; init; }

    public double? MinScore { get; init; }

    public double? MaxScore { get; init; }

    public double? StdDevScore { get; init; }

    public required double PassRate { get; init; }

    /// <summary>Ours: the run that was judged (Agno does not record it).</summary>
    public required string EvaluatedRunId { get; init; }

    /// <summary>Ours: the judged run's session.</summary>
    public string? SessionId { get; init; }

    /// <summary>Ours: how long the judge took, in seconds.</summary>
    public required double Duration { get; init; }

    /// <summary>Ours: the judge's tokens (Agno adds them to the run's metrics instead).</summary>
    public required EvalUsage Usage { get; init; }
}

/// <summary>Agno's <c>AgentAsJudgeEvaluation</c>.</summary>
internal sealed class EvalDataResult
{
    public required string Input { get; init; }

    public required string Output { get; init; }

    public required string Criteria { get; init; }

    public int? Score { get; init; }

    public required string Reason { get; init; }

    public required bool Passed { get; init; }
}

internal sealed class EvalUsage
{
    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long TotalTokens { get; init; }
}

/// <summary>Agno's <c>eval_input</c> of an agent-as-judge evaluation.</summary>
internal sealed class EvalInput
{
    public required string Criteria { get; init; }

    public required string ScoringStrategy { get; init; }

    public int? Threshold { get; init; }

    public IReadOnlyList<string>? AdditionalGuidelines { get; init; }
}

/// <summary>The eval-runs bodies: snake_case, nulls written (Agno's <c>EvalSchema</c> writes them), readable quotes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EvalRunsPage))]
[JsonSerializable(typeof(EvalSchema))]
internal sealed partial class EvalRunsJsonContext : JsonSerializerContext
{
    public static EvalRunsJsonContext Wire { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
