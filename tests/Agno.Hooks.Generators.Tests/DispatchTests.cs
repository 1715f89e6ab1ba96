using System.Reflection;
using Agno.Hooks.Generators.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Generators.Tests;

/// <summary>
/// Compiles hooks with the generator, loads the assembly, and invokes the generated descriptors: each hook
/// must receive exactly the run's objects and the DI services its signature names.
/// </summary>
public sealed class DispatchTests
{
    private const string Source = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Agno.Hooks;
        using Agno.Hooks.Generators.Tests.Support;

        namespace Probe;

        public sealed class DetailedOutput : RunOutput
        {
        }

        public static partial class StaticHooks
        {
            [Hook]
            public static void Input(RunInput input, Recorder recorder) => recorder.Record("Input", input);

            [Hook(Guardrail = true)]
            public static Task OutputAsync(RunOutput output, Agent agent, Recorder recorder)
            {
                recorder.Record("Output", output, agent);
                return Task.CompletedTask;
            }

            [Hook(Name = "everything")]
            public static ValueTask EverythingAsync(RunInput input, RunOutput output, Agent agent, IHookOwner owner, RunContext run, CancellationToken cancellationToken, Recorder recorder)
            {
                recorder.Record("Everything", input, output, agent, owner, run, cancellationToken);
                return default;
            }

            [Hook]
            public static void Detailed(DetailedOutput output, Recorder recorder) => recorder.Record("Detailed", output);

            [Hook]
            private static void Touch(RunInput input) => input.Content = "touched";

            [Hook(RunInBackground = true)]
            public static void Once(BackgroundExecutionInfo execution, Recorder recorder) => recorder.Record("Once", execution);

            [Hook]
            public static void Either(BackgroundExecutionInfo? execution, Recorder recorder) => recorder.Record("Either", execution);
        }

        public sealed partial class Evaluator(Recorder recorder)
        {
            [Hook(RunInBackground = true)]
            public async Task EvaluateAsync(RunOutput output)
            {
                await Task.Yield();
                recorder.Record("Evaluate", this, output);
            }
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() => TestCompilation.CompileAndLoad("Probe", Source));

    private readonly Recorder _recorder = new();
    private readonly Agent _agent = new("probe-agent");
    private readonly RunContext _run = new("run-1", "session-1", "user-1");
    private readonly RunInput _input = new("hello");

    private static Type Registry => Compiled.Value.GetType("Probe.AgnoHooks", throwOnError: true)!;

    private static IReadOnlyList<HookDescriptor> All => (IReadOnlyList<HookDescriptor>)Registry.GetProperty("All")!.GetValue(null)!;

    private static HookDescriptor Find(string name) => (HookDescriptor)Registry.GetMethod("Find")!.Invoke(null, [name])!;

    [Fact]
    public void The_table_lists_every_hook_by_name_and_finds_each()
    {
        All.Select(h => h.Name).ShouldBe(
        [
            "Probe.Evaluator.EvaluateAsync",
            "Probe.StaticHooks.Detailed",
            "Probe.StaticHooks.Either",
            "Probe.StaticHooks.Input",
            "Probe.StaticHooks.Once",
            "Probe.StaticHooks.OutputAsync",
            "Probe.StaticHooks.Touch",
            "everything",
        ]);
        foreach (var hook in All)
        {
            Find(hook.Name).ShouldBeSameAs(hook);
        }

        Registry.GetMethod("Find")!.Invoke(null, ["missing"]).ShouldBeNull();
    }

    [Fact]
    public void Descriptors_carry_the_compile_time_facts()
    {
        var input = Find("Probe.StaticHooks.Input");
        input.Stages.ShouldBe(HookStages.Any);
        input.OwnerKind.ShouldBe(HookOwnerKind.Any);
        input.Parameters.Select(p => (p.Name, p.Kind, p.Type)).ShouldBe([("input", HookParameterKind.RunInput, typeof(RunInput)), ("recorder", HookParameterKind.Service, typeof(Recorder))]);
        input.TargetType.ShouldBeNull();

        var output = Find("Probe.StaticHooks.OutputAsync");
        output.Stages.ShouldBe(HookStages.Post | HookStages.ToolCalls | HookStages.ModelCalls);
        output.OwnerKind.ShouldBe(HookOwnerKind.Agent);
        output.Guardrail.ShouldBeTrue();
        output.RunInBackground.ShouldBeFalse();

        Find("everything").Parameters.Select(p => p.Kind).ShouldBe(
        [
            HookParameterKind.RunInput, HookParameterKind.RunOutput, HookParameterKind.Owner, HookParameterKind.Owner,
            HookParameterKind.RunContext, HookParameterKind.CancellationToken, HookParameterKind.Service,
        ]);

        var evaluate = Find("Probe.Evaluator.EvaluateAsync");
        evaluate.RunInBackground.ShouldBeTrue();
        evaluate.TargetType.ShouldBe(Compiled.Value.GetType("Probe.Evaluator"));
        // What it resolves from DI: its own instance (TargetType, above) and nothing else.
        evaluate.Parameters.Where(p => p.Kind == HookParameterKind.Service).ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_parameter_receives_the_runs_object()
    {
        using var services = Services();
        using var cancellation = new CancellationTokenSource();
        var output = Output();

        await Find("Probe.StaticHooks.Input").Invoke(Context(services, HookStage.Pre, null));
        await Find("Probe.StaticHooks.OutputAsync").Invoke(Context(services, HookStage.Post, output));
        await Find("everything").Invoke(Context(services, HookStage.Post, output, cancellation.Token));

        _recorder.Single("Input").ShouldBe([_input]);
        var outputCall = _recorder.Single("Output");
        outputCall[0].ShouldBeSameAs(output);
        outputCall[1].ShouldBeSameAs(_agent);
        var everything = _recorder.Single("Everything");
        everything[0].ShouldBeSameAs(_input);
        everything[1].ShouldBeSameAs(output);
        everything[2].ShouldBeSameAs(_agent);
        everything[3].ShouldBeSameAs(_agent);
        everything[4].ShouldBeSameAs(_run);
        everything[5].ShouldBe(cancellation.Token);
    }

    [Fact]
    public async Task A_RunOutput_subclass_parameter_gets_the_output_cast()
    {
        using var services = Services();
        var detailed = (RunOutput)Activator.CreateInstance(Compiled.Value.GetType("Probe.DetailedOutput")!)!;

        await Find("Probe.StaticHooks.Detailed").Invoke(Context(services, HookStage.Post, detailed));

        _recorder.Single("Detailed")[0].ShouldBeSameAs(detailed);
    }

    [Fact]
    public async Task An_instance_hook_runs_on_one_object_from_DI_and_is_awaited()
    {
        using var services = Services();
        var output = Output();
        var evaluate = Find("Probe.Evaluator.EvaluateAsync");

        await evaluate.Invoke(Context(services, HookStage.Post, output));
        await evaluate.Invoke(Context(services, HookStage.Post, output));

        var calls = _recorder.Calls.Where(c => c.Hook == "Evaluate").ToList();
        calls.Count.ShouldBe(2);
        calls[0].Arguments[0].ShouldBeSameAs(services.GetRequiredService(Compiled.Value.GetType("Probe.Evaluator")!));
        calls[1].Arguments[0].ShouldBeSameAs(calls[0].Arguments[0]);
        calls[0].Arguments[1].ShouldBeSameAs(output);
    }

    [Fact]
    public async Task A_private_hook_method_is_dispatched()
    {
        using var services = Services();

        await Find("Probe.StaticHooks.Touch").Invoke(Context(services, HookStage.Pre, null));

        _input.Content.ShouldBe("touched");
    }

    [Fact]
    public async Task A_BackgroundExecution_parameter_gets_the_executions_id_and_attempt()
    {
        using var services = Services();
        var output = Output();
        var once = Find("Probe.StaticHooks.Once");
        once.Parameters.Select(p => (p.Kind, p.Type)).ShouldBe([(HookParameterKind.BackgroundExecutionInfo, typeof(BackgroundExecutionInfo)), (HookParameterKind.Service, typeof(Recorder))]);
        var item = new BackgroundHookWorkItem("execution-7", 3, once.Name, HookStage.Post, HookOwnerKind.Agent, _agent.Id, null, _run, _input, output, null);

        await once.Invoke(new HookContext(HookStage.Post, _agent, item.Run, item.Input, item.Output, services, default) { Execution = item });
        await Find("Probe.StaticHooks.Either").Invoke(new HookContext(HookStage.Post, _agent, item.Run, item.Input, item.Output, services, default) { Execution = item });

        _recorder.Single("Once").ShouldBe([new BackgroundExecutionInfo("execution-7", 3)]);
        _recorder.Single("Either").ShouldBe([new BackgroundExecutionInfo("execution-7", 3)]);
    }

    [Fact]
    public async Task Inline_a_nullable_BackgroundExecution_is_null_and_a_required_one_fails_clearly()
    {
        using var services = Services();

        await Find("Probe.StaticHooks.Either").Invoke(Context(services, HookStage.Pre, null));

        _recorder.Single("Either").ShouldBe([null]);
        Should.Throw<InvalidOperationException>(() => Find("Probe.StaticHooks.Once").Invoke(Context(services, HookStage.Pre, null)))
            .Message.ShouldContain("only background hooks have");
    }

    [Fact]
    public void Dispatching_a_void_hook_allocates_nothing()
    {
        using var services = Services();
        var context = Context(services, HookStage.Pre, null);
        var touch = Find("Probe.StaticHooks.Touch");
        touch.Invoke(context).IsCompletedSuccessfully.ShouldBeTrue();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            touch.Invoke(context);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void The_attached_hooks_are_checked_by_the_runtime()
    {
        var agent = new Agent("stage-check") { Model = new OfflineChatClient() };
        agent.PreHooks.Add(Find("Probe.StaticHooks.Input"));
        agent.PostHooks.Add(Find("Probe.StaticHooks.OutputAsync"));

        Should.Throw<HookBindingException>(() => agent.PreHooks.Add(Find("Probe.StaticHooks.OutputAsync")))
            .ParameterName.ShouldBe("output");
    }

    private ServiceProvider Services()
    {
        var services = new ServiceCollection().AddSingleton(_recorder);
        var addFrom = typeof(HookRegistryServiceCollectionExtensions).GetMethod(nameof(HookRegistryServiceCollectionExtensions.AddAgnoHooksFrom))!;
        addFrom.MakeGenericMethod(Registry).Invoke(null, [services]);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private RunOutput Output() => new() { RunId = _run.RunId, SessionId = _run.SessionId, OwnerId = _agent.Id };

    private HookContext Context(IServiceProvider services, HookStage stage, RunOutput? output, CancellationToken cancellationToken = default) =>
        new(stage, _agent, _run, _input, output, services, cancellationToken);
}
