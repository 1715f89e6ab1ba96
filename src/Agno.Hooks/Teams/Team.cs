using System.Text;
using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// A team: its own pre-hooks, then its members (as <see cref="Mode"/> says) and its leader's model, then
/// its post-hooks. Members' hooks run as usual, and the global background setting reaches them too.
/// </summary>
public sealed class Team : Runnable, IToolHookOwner, IModelHookOwner
{
    public Team(string id)
        : base(id)
    {
        Members = new TeamMemberList(this);
        PreToolHooks = new HookList(this, HookStage.PreToolCall);
        PostToolHooks = new HookList(this, HookStage.PostToolCall);
        ToolHooks = new HookList(this, HookStage.ToolCall);
        PreModelHooks = new HookList(this, HookStage.PreModelCall);
        PostModelHooks = new HookList(this, HookStage.PostModelCall);
        ModelHooks = new HookList(this, HookStage.ModelCall);
    }

    /// <summary>The leader's model: any <see cref="IChatClient"/>. Required; <see cref="OfflineChatClient"/> for offline use.</summary>
    public IChatClient? Model { get; init; }

    /// <summary>The leader's system prompt.</summary>
    public string? Instructions { get; init; }

    public TeamMode Mode { get; init; } = TeamMode.Coordinate;

    /// <summary>The tools the leader's model may call, as an agent's (<see cref="Agent.Tools"/>).</summary>
    public IList<AITool> Tools { get; } = new List<AITool>();

    /// <summary>The most tool calls the leader may make in one run (Agno's <c>tool_call_limit</c>); null: no limit.</summary>
    public int? ToolCallLimit { get; init; }

    /// <inheritdoc/>
    public HookList PreToolHooks { get; }

    /// <inheritdoc/>
    public HookList PostToolHooks { get; }

    /// <inheritdoc/>
    public HookList ToolHooks { get; }

    /// <inheritdoc/>
    public HookList PreModelHooks { get; }

    /// <inheritdoc/>
    public HookList PostModelHooks { get; }

    /// <inheritdoc/>
    public HookList ModelHooks { get; }

    private ToolLoop? _toolLoop;

    /// <summary>Agents and teams.</summary>
    public TeamMemberList Members { get; }

    public override HookOwnerKind Kind => HookOwnerKind.Team;

    internal override string? ConfigurationProblem => Model is null
        ? $"Team '{Id}' has no Model for its leader: set Model to an IChatClient (new OfflineChatClient() for a deterministic offline model)."
        : ToolCallLimit < 0 ? $"Team '{Id}' has ToolCallLimit {ToolCallLimit}: it must be 0 or more (null for no limit)."
        : null;

    public override IEnumerable<IHookOwner> Children => Members;

    private protected override RunOutput CreateOutput(HookRun run) => new TeamRunOutput(run.Run, this, run.Pipeline.Time.GetUtcNow());

    internal bool Contains(Team team) =>
        Members.Any(member => ReferenceEquals(member, team) || (member is Team inner && inner.Contains(team)));

    private protected override async IAsyncEnumerable<RunEvent> ExecuteStreamingAsync(HookRun scope)
    {
        if (Members.Count == 0)
        {
            scope.Fail("team_error", $"Team '{Id}' has no members.");
            yield break;
        }

        var output = (TeamRunOutput)scope.Output;
        var task = scope.Input.Content;
        switch (Mode)
        {
            case TeamMode.Route:
                var chosen = Route(task);
                await foreach (var memberEvent in RunMemberAsync(scope, chosen, task))
                {
                    yield return memberEvent;
                }

                var answer = output.MemberResponses[^1];
                if (answer.Status == RunStatus.Error)
                {
                    scope.Fail("member_error", $"Member '{chosen.Id}' could not answer: {answer.Content}");
                    yield break;
                }

                // The chosen member answers for the team.
                output.Content = answer.Content;
                AddMemberUsage(output);
                if (scope.IsStreaming)
                {
                    yield return scope.Event(RunEventKind.RunContent, content: answer.Content);
                    yield return scope.Event(RunEventKind.RunContentCompleted);
                }

                yield break;

            case TeamMode.Coordinate:
                RunOutput? previous = null;
                foreach (var member in Members)
                {
                    var assignment = previous is null ? task : $"{task}\n\nWork so far, from {previous.OwnerName ?? previous.OwnerId}: {previous.Content}";
                    await foreach (var memberEvent in RunMemberAsync(scope, member, assignment))
                    {
                        yield return memberEvent;
                    }

                    previous = output.MemberResponses[^1];
                }

                break;

            default:
                // Everyone answers the same message at once; their events follow in member order.
                var runs = Members.Select(member => CollectAsync(NestedRuns.RunAsync(scope, member, task))).ToArray();
                var results = await Task.WhenAll(runs).ConfigureAwait(false);
                foreach (var memberEvents in results)
                {
                    foreach (var memberEvent in memberEvents)
                    {
                        if (scope.IsStreaming)
                        {
                            yield return memberEvent;
                        }
                    }

                    output.MemberResponses.Add(memberEvents[^1].Output!);
                }

                break;
        }

        AddMemberUsage(output);
        await foreach (var leaderEvent in ModelCall.RunAsync(scope, ToolLoop.Around(ref _toolLoop, Model!, Tools, ToolCallLimit, this), LeaderMessages(task, output.MemberResponses), ToolLoop.Options(Tools)))
        {
            yield return leaderEvent;
        }
    }

    /// <summary>The member whose id, name, description and instructions share the most words with the message; the first on a tie.</summary>
    internal Runnable Route(string message)
    {
        var words = Words(message);
        Runnable best = Members[0];
        var bestScore = -1;
        foreach (var member in Members)
        {
            var profile = Words($"{member.Id} {member.Name} {member.Description} {(member as Agent)?.Instructions}");

            // A shared stem counts ("poem" and "poems", "write" and "writer").
            var score = words.Count(word => profile.Any(known => known.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(known, StringComparison.Ordinal)));
            if (score > bestScore)
            {
                (best, bestScore) = (member, score);
            }
        }

        return best;
    }

    private static async IAsyncEnumerable<RunEvent> RunMemberAsync(HookRun scope, Runnable member, string message)
    {
        RunOutput? last = null;
        await foreach (var memberEvent in NestedRuns.RunAsync(scope, member, message).ConfigureAwait(false))
        {
            last = memberEvent.Output;
            if (scope.IsStreaming)
            {
                yield return memberEvent;
            }
        }

        ((TeamRunOutput)scope.Output).MemberResponses.Add(last!);
    }

    private static async Task<List<RunEvent>> CollectAsync(IAsyncEnumerable<RunEvent> events)
    {
        var list = new List<RunEvent>();
        await foreach (var runEvent in events.ConfigureAwait(false))
        {
            list.Add(runEvent);
        }

        return list;
    }

    private List<ChatMessage> LeaderMessages(string task, List<RunOutput> responses)
    {
        var prompt = new StringBuilder()
            .Append(Mode == TeamMode.Coordinate ? "Compose the team's answer to: " : "Synthesise the members' answers to: ")
            .Append(task);
        foreach (var response in responses)
        {
            prompt.Append("\n- ").Append(response.OwnerName ?? response.OwnerId).Append(": ").Append(response.Content);
        }

        var messages = new List<ChatMessage>(2);
        if (!string.IsNullOrWhiteSpace(Instructions))
        {
            messages.Add(new ChatMessage(ChatRole.System, Instructions));
        }

        messages.Add(new ChatMessage(ChatRole.User, prompt.ToString()));
        return messages;
    }

    private static void AddMemberUsage(TeamRunOutput output)
    {
        foreach (var response in output.MemberResponses)
        {
            output.Metrics.InputTokens += response.Metrics.InputTokens;
            output.Metrics.OutputTokens += response.Metrics.OutputTokens;
            output.Metrics.TotalTokens += response.Metrics.TotalTokens;
        }
    }

    private static HashSet<string> Words(string text) =>
        text.Split([' ', ',', '.', ';', ':', '!', '?', '\n', '\t', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.Length > 3)
            .Select(word => word.ToLowerInvariant())
            .ToHashSet();
}
