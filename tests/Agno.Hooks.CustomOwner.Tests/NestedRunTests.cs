using System.Collections.Concurrent;
using Agno.Hooks.CustomOwner.Tests.Support;
using static Agno.Hooks.CustomOwner.Tests.Support.TestHooks;

namespace Agno.Hooks.CustomOwner.Tests;

/// <summary>
/// A custom owner that runs two others nested in its run (<see cref="HookRun.Nested"/>), as a team runs its
/// members (tests/Agno.Hooks.Tests/Teams, Workflows): the children's background work joins the parent's batch, is
/// handed over with it once the parent completes, and is dropped when the parent is rejected.
/// </summary>
public sealed class NestedRunTests
{
    private static (FuncChain Chain, FuncAgent First, FuncAgent Second) Chain(CustomOwnerHost host)
    {
        var first = host.Agent("first", content => $"first({content})");
        var second = host.Agent("second", content => $"second({content})");
        var chain = new FuncChain("chain", [first, second], host.Pipeline, host.Services) { Name = "Chain" };
        return (chain, first, second);
    }

    [Fact]
    public async Task The_childrens_background_work_joins_the_parents_and_goes_when_the_parent_completes()
    {
        await using var host = CustomOwnerHost.Create();
        var (chain, first, second) = Chain(host);
        var order = new ConcurrentQueue<string>();
        var owners = new ConcurrentDictionary<string, IHookOwner>();
        chain.PreHooks.Add(Pre("chain-guard", _ => order.Enqueue("chain-guard"), guardrail: true));
        first.PreHooks.Add(Pre("first-pre", c => order.Enqueue($"first-pre({c.Input.Content})")));
        first.PostHooks.Add(Post("first-background", c => owners["first-background"] = c.Owner, background: true));
        second.PreHooks.Add(Pre("second-background", c => owners["second-background"] = c.Owner, background: true));
        chain.PostHooks.Add(Post("chain-post", c => order.Enqueue($"chain-post({c.Output!.Content})")));
        chain.PostHooks.Add(Post("chain-background", c => owners["chain-background"] = c.Owner, background: true));
        var held = new DeferredBackgroundHookQueue();

        var output = await chain.RunAsync("go", new RunOptions { SessionId = "s1", Metadata = new() { ["channel"] = "web" }, BackgroundQueue = held });

        output.Status.ShouldBe(RunStatus.Completed);
        output.Content.ShouldBe("second(first(go))");
        order.ShouldBe(["chain-guard", "first-pre(go)", "chain-post(second(first(go)))"]);
        chain.ChildOutputs.ShouldAllBe(child => child.SessionId == "s1" && child.Metadata == output.Metadata);
        chain.HeldAfterChildren.ShouldBe(0, "each child's work joined the parent's batch when the child completed, not the destination");
        held.Count.ShouldBe(3, "nothing went anywhere until the parent completed, then all of it went to the parent's destination");

        await held.FlushAsync(host.Background);
        var executions = await host.Executions.WaitForAsync(3);

        executions.Select(e => e.HookName).Order().ShouldBe(["chain-background", "first-background", "second-background"]);
        executions.ShouldAllBe(e => e.Status == BackgroundHookStatus.Completed);
        owners["first-background"].ShouldBeSameAs(first);
        owners["second-background"].ShouldBeSameAs(second);
        owners["chain-background"].ShouldBeSameAs(chain);
        host.RoundTrip.RoundTrips.ShouldBe(3);
    }

    [Fact]
    public async Task A_parent_rejection_drops_the_work_of_children_that_already_ran()
    {
        await using var host = CustomOwnerHost.Create();
        var (chain, first, second) = Chain(host);
        var ran = new ConcurrentQueue<string>();
        first.PostHooks.Add(Post("first-inline", _ => ran.Enqueue("first-inline")));
        first.PostHooks.Add(Post("first-background", _ => { }, background: true));
        second.PostHooks.Add(Post("second-background", _ => { }, background: true));
        chain.PreHooks.Add(Pre("chain-pre-background", _ => { }, background: true));
        chain.PostHooks.Add(Post("chain-output-guard", _ => throw new OutputCheckException("Not publishable"), guardrail: true));
        var held = new DeferredBackgroundHookQueue();

        var output = await chain.RunAsync("go", new RunOptions { BackgroundQueue = held });
        await held.FlushAsync(host.Background);

        (output.Status, output.ErrorType, output.Content).ShouldBe((RunStatus.Error, "output_check_error", "Not publishable"));
        chain.ChildOutputs.Select(c => c.Status).ShouldBe([RunStatus.Completed, RunStatus.Completed]);
        ran.ShouldBe(["first-inline"]);
        chain.HeldAfterChildren.ShouldBe(0);
        held.Count.ShouldBe(0, "the children's work had joined the parent's batch, which the rejection dropped");
        host.Executor.Statistics.Queued.ShouldBe(0);
    }

    [Fact]
    public async Task A_rejected_child_fails_the_parent_and_the_work_of_those_that_passed_still_goes()
    {
        await using var host = CustomOwnerHost.Create();
        var (chain, first, second) = Chain(host);
        first.PostHooks.Add(Post("first-background", _ => { }, background: true));
        second.PreHooks.Add(Pre("no-second", _ => throw new InputCheckException("Second is off"), guardrail: true));
        second.PostHooks.Add(Post("second-background", _ => { }, background: true));
        chain.PreHooks.Add(Pre("chain-pre-background", _ => { }, background: true));
        var held = new DeferredBackgroundHookQueue();

        var output = await chain.RunAsync("go", new RunOptions { BackgroundQueue = held });
        await held.FlushAsync(host.Background);
        var executions = await host.Executions.WaitForAsync(2);

        (output.Status, output.ErrorType, output.Content).ShouldBe((RunStatus.Error, "func_error", "Child 'second' failed: Second is off"));
        chain.ChildOutputs[1].ErrorType.ShouldBe("input_check_error");
        executions.Select(e => e.HookName).Order().ShouldBe(["chain-pre-background", "first-background"]);
    }

    [Fact]
    public async Task The_parents_background_setting_reaches_the_childrens_hooks()
    {
        await using var host = CustomOwnerHost.Create();
        var (chain, first, _) = Chain(host);
        first.PreHooks.Add(Pre("first-edit", c => c.Input.Content = "edited"));
        first.PreHooks.Add(Pre("first-guard", _ => { }, guardrail: true));
        var held = new DeferredBackgroundHookQueue();

        var events = new List<RunEvent>();
        await foreach (var e in chain.RunStreamingAsync("go", new RunOptions { BackgroundQueue = held, RunHooksInBackground = true }))
        {
            events.Add(e);
        }

        events[^1].Output!.Content.ShouldBe("second(first(go))", "the child's unmarked hook ran in the background, on a copy");
        held.Count.ShouldBe(1);
        await held.FlushAsync(host.Background);
        (await host.Executions.WaitForAsync(1)).Single().HookName.ShouldBe("first-edit");
    }

    [Fact]
    public async Task A_parent_without_a_destination_fails_up_front_when_only_a_child_has_background_hooks()
    {
        var childRan = false;
        var child = new FuncAgent("child", (c, _) =>
        {
            childRan = true;
            return Task.FromResult(c);
        }, HookPipeline.Default);
        child.PostHooks.Add(Post("child-background", _ => { }, background: true));
        var chain = new FuncChain("chain", [child], HookPipeline.Default);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => chain.RunAsync("go"));

        error.Message.ShouldContain("'chain'");
        childRan.ShouldBeFalse();
    }
}
