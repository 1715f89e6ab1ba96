using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.Tests.Background;

/// <summary>An execution's id: a Guid version 7 in the "N" format, written out when first read, the same for every reader.</summary>
public sealed class ExecutionIdTests
{
    private static readonly Agent Owner = new("id-test");
    private static readonly HookDescriptor Noop = new("noop", _ => default, [TestHooks.InputParameter]);

    private static BackgroundHookWorkItem Item(HookDescriptor? hook = null) =>
        new(hook ?? Noop, new HookContext(HookStage.Pre, Owner, new RunContext("run-1", "session-1"), new RunInput("Hi"), null, EmptyServiceProvider.Instance, CancellationToken.None));

    private static BackgroundHookInvoker Invoker(IBackgroundHookObserver? observer = null) =>
        new(Options.Create(new AgnoHooksOptions()), new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), observers: observer is null ? null : [observer]);

    [Fact]
    public void A_new_execution_id_is_a_version_7_guid_in_the_N_format_taken_when_the_item_is_made()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var item = Item();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var id = item.ExecutionId;

        id.ShouldMatch("^[0-9a-f]{32}$");
        var guid = Guid.ParseExact(id, "N");
        guid.Version.ShouldBe(7);
        (guid.Variant & 0b1100).ShouldBe(0b1000, "the RFC 9562 variant, 10xx");
        var milliseconds = Convert.ToInt64(id[..12], 16);
        milliseconds.ShouldBeInRange(before, after);
    }

    [Fact]
    public void Every_reader_gets_the_same_id_even_when_racing_to_read_it_first()
    {
        for (var round = 0; round < 50; round++)
        {
            var item = Item();
            var ids = new string[4];
            Parallel.For(0, ids.Length, i => ids[i] = item.ExecutionId);

            ids.ShouldAllBe(id => ReferenceEquals(id, ids[0]));
            item.Identity.Id.ShouldBeSameAs(ids[0]);
        }
    }

    [Fact]
    public void Ids_are_unique_across_threads()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                ids.Add(Item().ExecutionId);
            }
        });

        ids.Distinct().Count().ShouldBe(20_000);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_record_of_an_execution_reads_the_items_id_whether_or_not_it_was_read_before(bool readFirst)
    {
        var recorder = new ExecutionRecorder();
        var item = Item();
        var early = readFirst ? item.ExecutionId : null;

        var execution = await Invoker(recorder).ExecuteAsync(item);

        execution.ExecutionId.ShouldBe(item.ExecutionId);
        recorder.Executions.Single().ExecutionId.ShouldBe(item.ExecutionId);
        (early ?? item.ExecutionId).ShouldBe(item.ExecutionId);
        execution.Attempt.ShouldBe(1);
    }

    [Fact]
    public async Task A_restored_item_keeps_an_id_of_the_callers_choosing_in_its_record()
    {
        var restored = BackgroundHookSerializer.Deserialize(BackgroundHookSerializer.Serialize(
            new BackgroundHookWorkItem("Execution-1", 2, "unknown-hook", HookStage.Pre, HookOwnerKind.Agent, "agent-1", null, new RunContext("run-1", "session-1"), new RunInput("Hi"), null, null)));

        var execution = await Invoker().ExecuteAsync(restored);

        execution.Status.ShouldBe(BackgroundHookStatus.Failed, "the hook is not known here");
        execution.ExecutionId.ShouldBe("Execution-1");
        execution.Attempt.ShouldBe(2);
    }

    [Fact]
    public void A_fresh_items_id_survives_serialization()
    {
        var item = Item();

        var json = BackgroundHookSerializer.Serialize(item);
        var restored = BackgroundHookSerializer.Deserialize(json);

        restored.ExecutionId.ShouldBe(item.ExecutionId);
        restored.Identity.ShouldBe(item.Identity);
        BackgroundHookSerializer.Serialize(restored).ShouldBe(json);
    }

    [Theory]
    [InlineData("0192f1a47c3a7b2d9e8f00112233aabb")]
    [InlineData("0192F1A47C3A7B2D9E8F00112233AABB")]
    [InlineData("execution-1")]
    [InlineData(null)]
    public void A_records_id_reads_back_as_given_and_equal_ids_make_equal_records(string? id)
    {
        var execution = new BackgroundHookResult("hook", "run-1", BackgroundHookStatus.Completed, DateTimeOffset.UnixEpoch, TimeSpan.Zero, null) { ExecutionId = id };

        execution.ExecutionId.ShouldBe(id);
        (execution with { ExecutionId = execution.ExecutionId }).ShouldBe(execution);
        execution.GetHashCode().ShouldBe((execution with { ExecutionId = id }).GetHashCode());
    }

    [Fact]
    public async Task The_invokers_record_equals_one_made_with_the_same_values()
    {
        var item = Item();
        var execution = await Invoker().ExecuteAsync(item);

        var same = new BackgroundHookResult(execution.HookName, execution.RunId, execution.Status, execution.StartedAt, execution.Duration, execution.Error) { ExecutionId = item.ExecutionId };

        same.ShouldBe(execution);
    }
}
