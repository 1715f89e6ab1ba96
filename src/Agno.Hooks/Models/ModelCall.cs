using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks;

/// <summary>One call to a model inside a run: sets the output's content and token counts, streamed or not.</summary>
internal static partial class ModelCall
{
    /// <summary>Calls the model once for the whole answer.</summary>
    public static async ValueTask ExecuteAsync(HookRun run, IChatClient model, IList<ChatMessage> messages, ChatOptions? chatOptions = null)
    {
        var output = run.Output;
        NameModel(output, model);
        ChatResponse response;
        try
        {
            response = await model.GetResponseAsync(messages, chatOptions, run.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !run.CancellationToken.IsCancellationRequested)
        {
            Failed(run, exception);
            return;
        }

        output.Metrics.AddUsage(response.Usage);
        Record(output, messages, response.Text);
    }

    /// <summary>Streams the model's answer as content events.</summary>
    public static async IAsyncEnumerable<RunEvent> StreamAsync(HookRun run, IChatClient model, IList<ChatMessage> messages, ChatOptions? chatOptions = null)
    {
        var output = run.Output;
        NameModel(output, model);
        var text = new StringBuilder();
        await foreach (var update in RunWork.UntilFailureAsync(model.GetStreamingResponseAsync(messages, chatOptions, run.CancellationToken), run, Failed).ConfigureAwait(false))
        {
            output.Metrics.AddUsage(update.Contents);
            if (!string.IsNullOrEmpty(update.Text))
            {
                text.Append(update.Text);
                yield return run.Event(RunEventKind.RunContent, update.Text);
            }

            // In a tool loop: the model's call comes before it runs, its result after.
            foreach (var content in update.Contents)
            {
                if (content is FunctionCallContent call)
                {
                    // A copy: the record itself goes on to get its result.
                    yield return run.ToolEvent(RunEventKind.ToolCallStarted, ToolInvoker.Record(run, call).Clone());
                }
                else if (content is FunctionResultContent result && ToolInvoker.RecordOf(run, result) is { } record)
                {
                    yield return run.ToolEvent(record.ToolCallError ? RunEventKind.ToolCallError : RunEventKind.ToolCallCompleted, record);
                }
            }
        }

        if (output.Status == RunStatus.Error)
        {
            yield break;
        }

        Record(output, messages, text.ToString());
        yield return run.Event(RunEventKind.RunContentCompleted);
    }

    /// <summary>Calls the model streamed or not, as the run was asked for.</summary>
    public static async IAsyncEnumerable<RunEvent> RunAsync(HookRun run, IChatClient model, IList<ChatMessage> messages, ChatOptions? chatOptions = null)
    {
        if (!run.IsStreaming)
        {
            await ExecuteAsync(run, model, messages, chatOptions).ConfigureAwait(false);
            yield break;
        }

        await foreach (var runEvent in StreamAsync(run, model, messages, chatOptions).ConfigureAwait(false))
        {
            yield return runEvent;
        }
    }

    private static void NameModel(RunOutput output, IChatClient model)
    {
        if (output.Model is null || output.ModelProvider is null)
        {
            var metadata = model.GetService<ChatClientMetadata>();
            output.Model ??= metadata?.DefaultModelId;
            output.ModelProvider ??= metadata?.ProviderName;
        }
    }

    private static void Failed(HookRun run, Exception exception)
    {
        LogModelFailed(run.Pipeline.Logger, exception, run.Owner.Id, run.Run.RunId);

        // The exception's text may hold addresses or keys: it goes to the log, not to the caller.
        run.Fail("model_error", "The model call failed.");
    }

    /// <summary>The answer, and the messages as sent (for a team, the leader's prompt, not the user's message) with the answer last.</summary>
    private static void Record(RunOutput output, IList<ChatMessage> messages, string answer)
    {
        output.Content = answer;
        var recorded = output.Messages;
        recorded.Clear();
        recorded.EnsureCapacity(messages.Count + 1);

        // By index: a foreach over the IList would box its enumerator.
        for (var i = 0; i < messages.Count; i++)
        {
            recorded.Add(new RunMessage(messages[i].Role.Value, messages[i].Text));
        }

        recorded.Add(new RunMessage(ChatRole.Assistant.Value, answer));
    }

    [LoggerMessage(LogEvents.ModelFailed, LogLevel.Error, "The model of '{OwnerId}' failed in run '{RunId}'.")]
    private static partial void LogModelFailed(ILogger logger, Exception exception, string ownerId, string runId);
}
