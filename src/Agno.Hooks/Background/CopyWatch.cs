using System.Text.Json.Nodes;

namespace Agno.Hooks;

/// <summary>
/// Tells whether a background hook wrote to its copies, which are discarded: setters mark the members they
/// write (a flag, nothing more, so reading costs nothing), and the collections are compared with how they
/// were when the copies were taken. Only non-empty collections are remembered, so a run without history,
/// metadata or state takes nothing here.
/// </summary>
internal sealed class CopyWatch
{
    /// <summary>The members of <see cref="RunInput"/> and <see cref="RunOutput"/> that setters mark.</summary>
    [Flags]
    public enum Member
    {
        None = 0,
        Content = 1 << 0,
        ContentType = 1 << 1,
        Model = 1 << 2,
        ModelProvider = 1 << 3,
        Status = 1 << 4,
        Input = 1 << 5,
        ErrorType = 1 << 6,
        ErrorId = 1 << 7,
        ErrorData = 1 << 8,
        ResponseId = 1 << 9,
    }

    private static readonly Member[] OutputMembers =
        [Member.Content, Member.ContentType, Member.Model, Member.ModelProvider, Member.Status, Member.Input, Member.ErrorType, Member.ErrorId, Member.ErrorData, Member.ResponseId];

    private RunMessage[]? _messages;
    private string? _metadata;
    private string? _sessionState;
    private string? _arguments;
    private string? _errorData;

    /// <summary>Remembers the collections of freshly taken copies; null when all of them are empty.</summary>
    public static CopyWatch? Start(RunContext run, RunInput input, RunOutput? output)
    {
        // Read without making what was never made (a run's collections are made when first read): that is empty.
        var messages = input.MessagesIfMade;
        if (messages is not { Count: > 0 } && IsEmpty(run.MetadataIfMade) && IsEmpty(run.SessionStateIfMade) && IsEmpty(run.ArgumentsIfMade) && output?.ErrorData is null)
        {
            return null;
        }

        return new CopyWatch
        {
            _messages = messages is { Count: > 0 } ? [.. messages] : null,
            _metadata = Text(run.MetadataIfMade),
            _sessionState = Text(run.SessionStateIfMade),
            _arguments = Text(run.ArgumentsIfMade),
            _errorData = output?.ErrorData?.ToJsonString(),
        };
    }

    /// <summary>The members written since <paramref name="watch"/> started, as <c>Type.Member</c>; null when none.</summary>
    public static List<string>? Written(CopyWatch? watch, RunContext run, RunInput input, RunOutput? output)
    {
        List<string>? written = null;
        if ((input.Writes & Member.Content) != 0)
        {
            (written ??= []).Add("RunInput.Content");
        }

        if (MessagesChanged(watch?._messages, input.MessagesIfMade))
        {
            (written ??= []).Add("RunInput.Messages");
        }

        if (Changed(watch?._metadata, run.MetadataIfMade))
        {
            (written ??= []).Add("RunContext.Metadata");
        }

        if (Changed(watch?._sessionState, run.SessionStateIfMade))
        {
            (written ??= []).Add("RunContext.SessionState");
        }

        if (Changed(watch?._arguments, run.ArgumentsIfMade))
        {
            (written ??= []).Add("RunContext.Arguments");
        }

        if (output is not null)
        {
            foreach (var member in OutputMembers)
            {
                if ((output.Writes & member) != 0 || (member == Member.ErrorData && output.ErrorData?.ToJsonString() != watch?._errorData))
                {
                    (written ??= []).Add($"RunOutput.{member}");
                }
            }

            if (output.Metrics.Written)
            {
                (written ??= []).Add("RunOutput.Metrics");
            }
        }

        return written?.Distinct().ToList();
    }

    private static bool IsEmpty(JsonObject? json) => json is not { Count: > 0 };

    private static string? Text(JsonObject? json) => IsEmpty(json) ? null : json!.ToJsonString();

    private static bool Changed(string? before, JsonObject? now) =>
        before is null ? !IsEmpty(now) : IsEmpty(now) || now!.ToJsonString() != before;

    private static bool MessagesChanged(RunMessage[]? before, List<RunMessage>? now)
    {
        var count = now?.Count ?? 0;
        if ((before?.Length ?? 0) != count)
        {
            return true;
        }

        for (var i = 0; i < count; i++)
        {
            if (!ReferenceEquals(before![i], now![i]) || now[i].Written)
            {
                return true;
            }
        }

        return false;
    }
}
