using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// Agno's <c>OpenAIModerationGuardrail</c>, as a pre-hook guardrail: sends the message to a moderation service
/// (an <see cref="IContentModerator"/>: OpenAI's from the Agno.Hooks.OpenAI package, or your own) and rejects the run with <c>input_not_allowed</c> when it is
/// flagged in one of the configured categories, with the categories and their scores as additional data.
/// </summary>
/// <remarks>
/// Attach <see cref="CheckHook"/> to <c>PreHooks</c>; register it with <c>services.AddAgnoHooks().AddModeration(...)</c> and a
/// moderator (<c>.AddOpenAIContentModerator(...)</c> of Agno.Hooks.OpenAI); a named configuration,
/// <c>AddModeration("strict", ...)</c>, is attached as <c>CheckHook.Named("strict")</c> and shares the moderator.
/// </remarks>
public sealed partial class ModerationGuardrail
{
    /// <summary>The hook's name, Agno's class name, as events and logs show it.</summary>
    public const string HookName = "OpenAIModerationGuardrail";

    /// <summary>Agno's message when it rejects a run.</summary>
    public const string RejectionMessage = "OpenAI moderation violation detected.";

    /// <summary>The message when the moderation call failed and <see cref="ModerationOptions.RejectOnError"/> is on.</summary>
    public const string UnavailableMessage = "The message could not be moderated.";

    private readonly IContentModerator _moderator;
    private readonly HashSet<string>? _rejectCategories;
    private readonly bool _rejectOnError;
    private readonly ILogger _logger;
    private readonly string _hookName;

    public ModerationGuardrail(IContentModerator moderator, IOptions<ModerationOptions> options, ILogger<ModerationGuardrail>? logger = null)
        : this(moderator, (options ?? throw new ArgumentNullException(nameof(options))).Value, logger, HookName)
    {
    }

    /// <param name="moderator">The moderation service.</param>
    /// <param name="options">The configuration.</param>
    /// <param name="logger">Where a failed moderation call is logged.</param>
    /// <param name="hookName">The name logs give the hook: a named configuration's descriptor's.</param>
    internal ModerationGuardrail(IContentModerator moderator, ModerationOptions options, ILogger? logger, string hookName)
    {
        ArgumentNullException.ThrowIfNull(moderator);
        _moderator = moderator;
        var categories = options.RejectCategories;
        _rejectCategories = categories is { Count: > 0 } ? new HashSet<string>(categories.Select(Normalize), StringComparer.Ordinal) : null;
        _rejectOnError = options.RejectOnError;
        _logger = logger ?? NullLogger.Instance;
        _hookName = hookName;
    }

    /// <summary>The name of the output check's hook, <see cref="CheckOutputHook"/>.</summary>
    public const string OutputHookName = "OutputModerationGuardrail";

    /// <summary>Moderates the message; rejects the run when it is flagged in a rejecting category.</summary>
    /// <exception cref="InputCheckException">The message was flagged (or could not be moderated, when so configured).</exception>
    [Hook(Guardrail = true, Name = HookName)]
    public async Task Check(RunInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await RejectionOfAsync(input.Content, cancellationToken).ConfigureAwait(false) is { } rejection)
        {
            throw new InputCheckException(rejection.Message, CheckTrigger.InputNotAllowed, rejection.Data);
        }
    }

    /// <summary>
    /// Moderates the answer (in <c>PostHooks</c>; Agno moderates only the message): rejects the run with
    /// <c>output_not_allowed</c> when it is flagged in a rejecting category. A streamed answer is held whole until this has passed it.
    /// </summary>
    /// <exception cref="OutputCheckException">The answer was flagged (or could not be moderated, when so configured).</exception>
    [Hook(Guardrail = true, Name = OutputHookName)]
    public async Task CheckOutput(RunOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrEmpty(output.Content))
        {
            return;
        }

        if (await RejectionOfAsync(output.Content, cancellationToken).ConfigureAwait(false) is { } rejection)
        {
            throw new OutputCheckException(rejection.Message, CheckTrigger.OutputNotAllowed, rejection.Data);
        }
    }

    /// <summary>The message and data to reject <paramref name="text"/> with, or null when it may go on.</summary>
    private async Task<(string Message, JsonObject? Data)?> RejectionOfAsync(string text, CancellationToken cancellationToken)
    {
        ContentModerationResult result;
        try
        {
            result = await _moderator.ModerateAsync(text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            GuardrailLog.ModerationFailed(_logger, exception, _hookName, _rejectOnError ? "is rejected" : "goes on unmoderated");
            return _rejectOnError ? (UnavailableMessage, null) : null;
        }

        return result.Flagged && Rejects(result) ? (RejectionMessage, Data(result)) : null;
    }

    private bool Rejects(ContentModerationResult result)
    {
        if (_rejectCategories is null)
        {
            return true;
        }

        foreach (var (category, flagged) in result.Categories)
        {
            if (flagged && _rejectCategories.Contains(Normalize(category)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Agno's additional data: <c>{"categories": {name: flagged}, "category_scores": {name: score}}</c>.</summary>
    private static JsonObject Data(ContentModerationResult result)
    {
        var categories = new JsonObject();
        foreach (var (name, flagged) in result.Categories)
        {
            categories[name] = flagged;
        }

        var scores = new JsonObject();
        foreach (var (name, score) in result.CategoryScores)
        {
            scores[name] = score;
        }

        return new JsonObject { ["categories"] = categories, ["category_scores"] = scores };
    }

    /// <summary>OpenAI's wire names (<c>self-harm/intent</c>) and Python's field names (<c>self_harm_intent</c>) compare equal.</summary>
    private static string Normalize(string category) =>
        category.Trim().ToLowerInvariant().Replace('-', '_').Replace('/', '_');
}
