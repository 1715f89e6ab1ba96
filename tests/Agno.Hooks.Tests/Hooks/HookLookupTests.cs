using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.Hooks;

/// <summary>
/// The catalog (hooks by name) and the directory (owners by kind and id) that background executions restored from
/// data are dispatched through: read on the first lookup, and again on a miss, so owners served late are found.
/// </summary>
public sealed class HookLookupTests
{
    [Fact]
    public async Task An_owner_a_source_lists_after_the_first_lookup_is_found_with_its_members_and_hooks()
    {
        var source = new ListedOwners();
        await using var services = new ServiceCollection().AddAgnoHooks().Services.AddSingleton<IHookOwnerSource>(source).BuildServiceProvider();
        var catalog = services.GetRequiredService<HookCatalog>();
        var directory = services.GetRequiredService<HookOwnerDirectory>();
        var early = Agent("early", Post("early-hook", _ => { }, background: true));
        source.Add(early);
        catalog.Find("early-hook").ShouldBeSameAs(early.PostHooks[0]);
        directory.Find(HookOwnerKind.Agent, "early").ShouldBeSameAs(early);

        var member = Agent("late-member", Pre("member-hook", _ => { }));
        var team = new Team("late-team") { Model = new OfflineChatClient() };
        team.Members.Add(member);
        team.PostHooks.Add(Post("team-hook", _ => { }));
        source.Add(team);

        catalog.Find("team-hook").ShouldBeSameAs(team.PostHooks[0]);
        catalog.Find("member-hook").ShouldBeSameAs(member.PreHooks[0]);
        directory.Find(HookOwnerKind.Team, "late-team").ShouldBeSameAs(team);
        directory.Find(HookOwnerKind.Agent, "late-member").ShouldBeSameAs(member);
        directory.Owners.ShouldBe([early, team, member]);
        catalog.Find("early-hook").ShouldBeSameAs(early.PostHooks[0]);
    }

    [Fact]
    public void A_miss_stays_a_miss_and_a_read_again_keeps_the_first_of_a_repeated_name_or_id()
    {
        var first = Post("shared-name", _ => { });
        var hooks = new List<HookDescriptor> { first };
        var catalog = new HookCatalog(hooks);
        var firstOwner = Agent("same-id");
        var owners = new List<IHookOwner> { firstOwner };
        var directory = new HookOwnerDirectory(owners);

        catalog.Find("unknown").ShouldBeNull();
        directory.Find(HookOwnerKind.Agent, "unknown").ShouldBeNull();
        directory.Find(HookOwnerKind.Team, "same-id").ShouldBeNull("ids are per kind");

        hooks.Add(Post("shared-name", _ => { }));
        hooks.Add(Post("added", _ => { }));
        owners.Add(Agent("same-id"));
        owners.Add(Agent("added"));

        catalog.Find("added").ShouldBeSameAs(hooks[2]);
        catalog.Find("shared-name").ShouldBeSameAs(first);
        catalog.Hooks.Count.ShouldBe(2);
        directory.Find(HookOwnerKind.Agent, "added").ShouldBeSameAs(owners[2]);
        directory.Find(HookOwnerKind.Agent, "same-id").ShouldBeSameAs(firstOwner);
    }

    [Fact]
    public async Task A_restored_execution_of_an_owner_served_late_runs_dispatched_by_name()
    {
        var source = new ListedOwners();
        await using var services = new ServiceCollection().AddAgnoHooks().Services.AddSingleton<IHookOwnerSource>(source).BuildServiceProvider();
        var invoker = services.GetRequiredService<BackgroundHookInvoker>();
        source.Add(Agent("early"));
        services.GetRequiredService<HookOwnerDirectory>().Find(HookOwnerKind.Agent, "early").ShouldNotBeNull();

        IHookOwner? sawOwner = null;
        var late = Agent("late", new HookDescriptor("needs-its-agent", c =>
        {
            sawOwner = c.Owner;
            return default;
        }, [InputParameter, AgentParameter]) { RunInBackground = true });
        source.Add(late);
        var run = new RunContext("run-1", "session-1");
        var captured = new BackgroundHookWorkItem(late.PreHooks[0], late, HookStage.Pre, run, new RunInput("Hi") { Metadata = run.Metadata, SessionState = run.SessionState }, null, traceParent: null);
        var restored = BackgroundHookSerializer.Deserialize(BackgroundHookSerializer.Serialize(captured));

        var execution = await invoker.ExecuteAsync(restored);

        execution.Status.ShouldBe(BackgroundHookStatus.Completed, execution.Error);
        sawOwner.ShouldBeSameAs(late);
    }

    private static Agent Agent(string id, params HookDescriptor[] hooks)
    {
        var agent = new Agent(id) { Model = new OfflineChatClient() };
        foreach (var hook in hooks)
        {
            ((hook.Stages & HookStages.Pre) == 0 ? agent.PostHooks : agent.PreHooks).Add(hook);
        }

        return agent;
    }

    /// <summary>A source that learns of owners as the test goes.</summary>
    private sealed class ListedOwners : IHookOwnerSource
    {
        private readonly List<IHookOwner> _owners = [];

        public IEnumerable<IHookOwner> Owners
        {
            get
            {
                lock (_owners)
                {
                    return [.. _owners];
                }
            }
        }

        public void Add(IHookOwner owner)
        {
            lock (_owners)
            {
                _owners.Add(owner);
            }
        }
    }
}
