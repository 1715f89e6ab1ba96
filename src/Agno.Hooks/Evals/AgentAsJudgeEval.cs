using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// Agno's <c>AgentAsJudgeEval</c>, as a post-hook: asks a judge model whether the run's answer meets the criteria
/// (pass/fail, or a score 1–10 against a threshold), keeps the result in the <see cref="IEvaluationStore"/>, records it
/// on the "Agno.Hooks" meter, and calls <see cref="AgentAsJudgeOptions.OnFail"/> when the answer fails.
/// </summary>
/// <remarks>
/// <para>Attach <see cref="EvaluateHook"/> to <c>PostHooks</c> to judge inline (in the background anyway when
/// <c>RunHooksInBackground</c> is on), or <see cref="EvaluateInBackgroundHook"/> to always judge in the background, after
/// the response. Register it with <c>services.AddAgentAsJudge(...)</c>.</para>
/// <para>A judge failure never affects the run: it is logged and counted (<c>agno.hooks.eval.failures</c>), and the run's
/// status, content and metrics stay as they were. The judge's tokens are kept with the result, not added to the run.</para>
/// </remarks>
public sealed partial class AgentAsJudgeEval
{
    /// <summary>The inline hook's name, Agno's class name, as events and logs show it.</summary>
    public const string HookName = "AgentAsJudgeEval";

    /// <summary>The background hook's name.</summary>
    public const string BackgroundHookName = "AgentAsJudgeEval.Background";

    private readonly AgentAsJudgeOptions _options;
    private readonly IChatClient? _model;
    private readonly IEvaluationStore _store;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly EvaluationMetrics _metrics;
    private readonly ChatOptions _chatOptions;
    private readonly string[] _guidelines;

    public AgentAsJudgeEval(
        IOptions<AgentAsJudgeOptions> options,
        IEvaluationStore store,
        IServiceProvider services,
        ILogger<AgentAsJudgeEval>? logger = null,
        TimeProvider? time = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(services);
        _options = options.Value;
        _model = _options.Model ?? services.GetService<IChatClient>();
        _store = store;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _metrics = new EvaluationMetrics(meterFactory);
        _guidelines = [.. _options.AdditionalGuidelines];
        _chatOptions = new ChatOptions
        {
            ResponseFormat = _options.Scoring == JudgeScoring.Numeric
                ? ChatResponseFormat.ForJsonSchema<NumericVerdict>(JudgeJsonContext.Default.Options, "NumericJudgeResponse", "Response schema for numeric scoring mode.")
                : ChatResponseFormat.ForJsonSchema<BinaryVerdict>(JudgeJsonContext.Default.Options, "BinaryJudgeResponse", "Response schema for binary scoring mode."),
        };
    }

    /// <summary>Judges the run's answer inline, before the run returns (or in the background, with <c>RunHooksInBackground</c> on).</summary>
    [Hook(Name = HookName)]
    public Task Evaluate(RunOutput output, IHookOwner owner, CancellationToken cancellationToken) =>
        EvaluateAsync(output, owner, cancellationToken);

    /// <summary>Judges the run's answer in the background, after the run has returned (after the response, under AgentOS).</summary>
    [Hook(Name = BackgroundHookName, RunInBackground = true)]
    public Task EvaluateInBackground(RunOutput output, IHookOwner owner, CancellationToken cancellationToken) =>
        EvaluateAsync(output, owner, cancellationToken);

    /// <summary>
    /// Judges <paramref name="output"/>'s content against its input message, stores and records the result, and calls
    /// <see cref="AgentAsJudgeOptions.OnFail"/> when it failed. Never throws for a judge failure: it is logged and counted,
    /// and the result is null. Cancellation of <paramref name="cancellationToken"/> is the only exception that goes through.
    /// </summary>
    public async Task<EvaluationResult?> EvaluateAsync(RunOutput output, IHookOwner owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(owner);
        var started = _time.GetTimestamp();
        EvaluationResult result;
        try
        {
            result = await JudgeAsync(output, owner, started, cancellationToken).ConfigureAwait(false);
            await _store.AddAsync(result, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            _metrics.RecordFailure(_options.Name, owner.Id, exception);
            LogJudgeFailed(exception, _options.Name ?? HookName, output.RunId);
            return null;
        }

        _metrics.Record(result);
        LogJudged(result.Name ?? HookName, result.RunId, result.Passed, result.Score);
        if (!result.Passed && _options.OnFail is { } onFail)
        {
            try
            {
                await onFail(result, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                LogOnFailFailed(exception, result.Name ?? HookName, result.RunId);
            }
        }

        return result;
    }

    private async Task<EvaluationResult> JudgeAsync(RunOutput output, IHookOwner owner, long started, CancellationToken cancellationToken)
    {
        var model = _model ?? throw new InvalidOperationException("The judge has no model: set AgentAsJudgeOptions.Model, or register an IChatClient.");
        var input = output.Input?.Content ?? string.Empty;
        var answer = output.Content ?? string.Empty;
        var marker = JudgePrompt.NewMarker();
        ChatMessage[] messages =
        [
            new(ChatRole.System, JudgePrompt.Instructions(_options, marker)),
            new(ChatRole.User, JudgePrompt.Message(input, answer, marker)),
        ];

        var response = await model.GetResponseAsync(messages, _chatOptions, cancellationToken).ConfigureAwait(false);
        var (passed, score, reason) = Parse(response.Text);
        var metadata = model.GetService<ChatClientMetadata>();
        var usage = response.Usage;
        return new EvaluationResult
        {
            Id = Guid.NewGuid().ToString(),
            Name = _options.Name,
            RunId = output.RunId,
            SessionId = output.SessionId,
            OwnerId = owner.Id,
            OwnerKind = owner.Kind,
            OwnerName = owner.Name,
            Criteria = _options.Criteria,
            Scoring = _options.Scoring,
            Score = score,
            Threshold = _options.Scoring == JudgeScoring.Numeric ? _options.Threshold : null,
            AdditionalGuidelines = _guidelines,
            Passed = passed,
            Reason = reason,
            Input = input,
            Output = answer,
            Duration = _time.GetElapsedTime(started),
            Usage = new EvaluationUsage(
                usage?.InputTokenCount ?? 0,
                usage?.OutputTokenCount ?? 0,
                usage?.TotalTokenCount ?? (usage?.InputTokenCount ?? 0) + (usage?.OutputTokenCount ?? 0)),
            JudgeModelId = response.ModelId ?? metadata?.DefaultModelId,
            JudgeModelProvider = metadata?.ProviderName,
            CreatedAt = _time.GetUtcNow(),
        };
    }

    /// <summary>Reads the judge's JSON; an answer that does not fit the schema is a judge failure.</summary>
    private (bool Passed, int? Score, string Reason) Parse(string text)
    {
        var json = StripCodeFence(text);
        if (_options.Scoring == JudgeScoring.Numeric)
        {
            var verdict = JsonSerializer.Deserialize(json, JudgeJsonContext.Default.NumericVerdict)
                ?? throw new InvalidDataException("The judge answered null.");
            if (verdict.Score is < 1 or > 10)
            {
                throw new InvalidDataException($"The judge's score {verdict.Score} is outside 1-10.");
            }

            return (verdict.Score >= _options.Threshold, verdict.Score, verdict.Reason);
        }

        var binary = JsonSerializer.Deserialize(json, JudgeJsonContext.Default.BinaryVerdict)
            ?? throw new InvalidDataException("The judge answered null.");
        return (binary.Passed, null, binary.Reason);
    }

    /// <summary>Some models wrap JSON in a Markdown code block even when asked for JSON.</summary>
    private static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var start = trimmed.IndexOf('\n');
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return start >= 0 && end > start ? trimmed[(start + 1)..end].Trim() : trimmed;
    }

    [LoggerMessage(LogEvents.EvaluationJudged, LogLevel.Information, "Evaluation '{Name}' of run '{RunId}': passed {Passed}, score {Score}.")]
    private partial void LogJudged(string name, string runId, bool passed, int? score);

    [LoggerMessage(LogEvents.EvaluationFailed, LogLevel.Error, "Evaluation '{Name}' of run '{RunId}' failed; the run is not affected.")]
    private partial void LogJudgeFailed(Exception exception, string name, string runId);

    [LoggerMessage(LogEvents.EvaluationOnFailFailed, LogLevel.Warning, "The on-fail callback of evaluation '{Name}' (run '{RunId}') threw.")]
    private partial void LogOnFailFailed(Exception exception, string name, string runId);
}
