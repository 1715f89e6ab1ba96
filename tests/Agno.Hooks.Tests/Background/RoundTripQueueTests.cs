using Agno.Hooks.Testing;
using Agno.Hooks.Tests.Support;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.Background;

/// <summary>
/// The test host's round trip, which every runtime test's background work goes through: the hook runs from data,
/// and an execution that can't be dispatched by name fails the run loudly instead of passing unnoticed.
/// </summary>
public sealed class RoundTripQueueTests
{
    [Fact]
    public async Task A_queued_execution_runs_restored_from_json_with_no_live_hook_or_owner()
    {
        await using var host = HookTestHost.Create();
        var agent = host.Agent();
        BackgroundHookWorkItem? ran = null;
        IHookOwner? owner = null;
        agent.PostHooks.Add(Post("from-data", c =>
        {
            ran = c.Execution;
            owner = c.Owner;
        }, background: true));

        var output = await agent.RunAsync("Hi", new RunOptions { Metadata = new() { ["channel"] = "web" } });
        await host.Executions.WaitForAsync(1);

        host.RoundTrip.RoundTrips.ShouldBe(1);
        ran.ShouldNotBeNull();
        ran.Hook.ShouldBeNull("it was dispatched by name");
        ran.Owner.ShouldBeNull("its owner was found by kind and id");
        owner.ShouldBeSameAs(agent);
        ran.Output!.Content.ShouldBe(output.Content);
        ran.Output.Metadata.ShouldBeSameAs(ran.Run.Metadata);
        ran.Run.Metadata["channel"]!.GetValue<string>().ShouldBe("web");
    }

    [Fact]
    public async Task Two_hooks_with_one_name_fail_the_run_and_the_host()
    {
        var host = HookTestHost.Create();
        var first = host.Agent("first");
        first.PostHooks.Add(Post("same-name", _ => { }, background: true));
        await first.RunAsync("Hi");
        var second = host.Agent("second");
        second.PostHooks.Add(Post("same-name", _ => { }, background: true));

        var error = await Should.ThrowAsync<RoundTripException>(() => second.RunAsync("Hi"));

        error.Message.ShouldContain("the name 'same-name' finds another hook");
        host.RoundTrip.Failures.ShouldHaveSingleItem();
        (await Should.ThrowAsync<RoundTripException>(host.DisposeAsync().AsTask())).Message.ShouldContain("'same-name'");
    }

    [Fact]
    public async Task Two_owners_with_one_id_fail_the_run()
    {
        var host = HookTestHost.Create();
        var first = host.Agent("twin");
        first.PostHooks.Add(Post("first-hook", _ => { }, background: true));
        await first.RunAsync("Hi");
        var second = host.Agent("twin");
        second.PostHooks.Add(Post("second-hook", _ => { }, background: true));

        var error = await Should.ThrowAsync<RoundTripException>(() => second.RunAsync("Hi"));

        error.Message.ShouldContain("Agent 'twin' finds another owner");
        await Should.ThrowAsync<RoundTripException>(host.DisposeAsync().AsTask());
    }
}
