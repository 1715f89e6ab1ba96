using Microsoft.Extensions.Options;

namespace Agno.Hooks.Tests.Evals;

public sealed class InMemoryEvaluationStoreTests
{
    [Fact]
    public async Task It_keeps_only_the_newest_results_up_to_its_capacity()
    {
        var store = new InMemoryEvaluationStore(Options.Create(new EvaluationStoreOptions { Capacity = 3 }));
        for (var i = 0; i < 5; i++)
        {
            await store.AddAsync(Result($"e{i}", "agent"));
        }

        var page = await store.QueryAsync(new EvaluationQuery());

        page.TotalCount.ShouldBe(3);
        page.Items.Select(r => r.Id).ShouldBe(["e4", "e3", "e2"]);
        (await store.FindAsync("e0")).ShouldBeNull();
        (await store.FindAsync("e3"))!.Id.ShouldBe("e3");
    }

    [Fact]
    public async Task It_filters_and_pages()
    {
        var store = new InMemoryEvaluationStore(Options.Create(new EvaluationStoreOptions()));
        for (var i = 0; i < 5; i++)
        {
            await store.AddAsync(Result($"a{i}", "agent-a"));
            await store.AddAsync(Result($"b{i}", "agent-b"));
        }

        var second = await store.QueryAsync(new EvaluationQuery { OwnerId = "agent-a", Page = 2, Limit = 2 });
        var oldestFirst = await store.QueryAsync(new EvaluationQuery { OwnerId = "agent-b", Limit = 2, NewestFirst = false });
        var beyond = await store.QueryAsync(new EvaluationQuery { Page = 9 });

        second.TotalCount.ShouldBe(5);
        second.Items.Select(r => r.Id).ShouldBe(["a2", "a1"]);
        oldestFirst.Items.Select(r => r.Id).ShouldBe(["b0", "b1"]);
        beyond.Items.ShouldBeEmpty();
        beyond.TotalCount.ShouldBe(10);
    }

    [Fact]
    public void A_capacity_below_one_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new InMemoryEvaluationStore(Options.Create(new EvaluationStoreOptions { Capacity = 0 })));

    internal static EvaluationResult Result(string id, string ownerId) => new()
    {
        Id = id,
        RunId = "run-" + id,
        OwnerId = ownerId,
        Criteria = "c",
        Passed = true,
        Reason = "r",
        Input = "i",
        Output = "o",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
