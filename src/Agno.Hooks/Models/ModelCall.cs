using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks;

/// <summary>One call to a model inside a run: streams content events, sets the output's content and token counts.</summary>
internal static partial class ModelCall
{
    public static async IAsyncEnumerable<RunEvent> RunAsync(RunScope scope, IChatClient model, IList<ChatMessage> messages, ChatOptions? chatOptions = null)
    {
        var output = scope.Output;
        var metadata = model.GetService<ChatClientMetadata>();
        output.Model ??= metadata?.DefaultModelId;
        output.ModelProvider ??= metadata?.ProviderName;
        var cancellationToken = scope.CancellationToken;
        var text = new StringBuilder();
        Exception? failure = null;
        if (scope.Streaming)
        {
            var started = scope.Pipeline.Time.GetTimestamp();
            var updates = model.GetStreamingResponseAsync(messages, chatOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    ChatResponseUpdate update;
                    try
                    {
                        if (!await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }

                        update = updates.Current;
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        failure = exception;
                        break;
                    }

                    output.Metrics.AddUsage(update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details);
                    if (!string.IsNullOrEmpty(update.Text))
                    {
                        output.Metrics.TimeToFirstToken ??= scope.Pipeline.Time.GetElapsedTime(started);
                        text.Append(update.Text);
                        yield return scope.Event(RunEventKind.RunContent, content: update.Text);
                    }
                }
            }
            finally
            {
                await updates.DisposeAsync().ConfigureAwait(false);
            }
        }
        else
        {
            try
            {
                var response = await model.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
                text.Append(response.Text);
                output.Metrics.AddUsage(response.Usage);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failure = exception;
            }
        }

        if (failure is not null)
        {
            LogModelFailed(scope.Pipeline.Logger, failure, scope.Owner.Id, scope.Run.RunId);

            // The exception's text may hold addresses or keys: it goes to the log, not to the caller.
            scope.Fail("model_error", "The model call failed.");
            yield break;
        }

        output.Content = text.ToString();

        // Recorded as sent: for a team this is the leader's prompt, not the user's message.
        output.Messages.Clear();
        foreach (var message in messages)
        {
            output.Messages.Add(new RunMessage(message.Role.Value, message.Text));
        }

        output.Messages.Add(new RunMessage(ChatRole.Assistant.Value, output.Content));
        if (scope.Streaming)
        {
            yield return scope.Event(RunEventKind.RunContentCompleted);
        }
    }

    [LoggerMessage(30, LogLevel.Error, "The model of '{OwnerId}' failed in run '{RunId}'.")]
    private static partial void LogModelFailed(ILogger logger, Exception exception, string ownerId, string runId);
}
