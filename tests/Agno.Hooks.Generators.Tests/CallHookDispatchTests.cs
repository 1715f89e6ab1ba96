using System.Reflection;
using Agno.Hooks.Generators.Model;
using Agno.Hooks.Generators.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Generators.Tests;

/// <summary>
/// Hooks that bind a tool call, a model request or the next step, compiled with the generator: the descriptors carry the
/// runtime's kinds and stages, the next step reaches the hook, and the generator's own copy of the runtime's placement
/// rules (which its comments and AGNH121 use) agrees with the runtime's.
/// </summary>
public sealed class CallHookDispatchTests
{
    private const string Source = """
        using System.Threading;
        using System.Threading.Tasks;
        using Agno.Hooks;
        using Agno.Hooks.Generators.Tests.Support;

        namespace CallProbe;

        public static partial class CallHooks
        {
            [Hook]
            public static void Policy(ToolCall call) { }

            [Hook]
            public static void Mask(ToolCall call, RunOutput output) { }

            [Hook]
            public static ValueTask TimeAsync(ToolCall call, HookNext next) => next();

            [Hook]
            public static void Trim(ModelRequest request, RunInput input) { }

            [Hook]
            public static Task RetryAsync(ModelRequest request, HookNext next) => next().AsTask();

            [Hook]
            public static async ValueTask AroundAsync(HookNext next, Recorder recorder)
            {
                recorder.Record("in");
                await next();
                await next();
                recorder.Record("out");
            }

            [Hook]
            public static void Sign(RunOutput output) { }

            [Hook]
            public static void Anywhere(RunInput input, CancellationToken cancellationToken) { }

            [Hook(RunInBackground = true)]
            public static void Audit(RunOutput output) { }

            [Hook(RunInBackground = true)]
            public static void Log(RunInput input) { }

            [Hook(RunInBackground = true)]
            public static void AuditCall(ToolExecution tool, RunContext run) { }

            [Hook]
            public static void Inspect(ToolExecution tool) { }
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() => TestCompilation.CompileAndLoad("CallProbe", Source));

    private static IReadOnlyList<HookDescriptor> All =>
        (IReadOnlyList<HookDescriptor>)Compiled.Value.GetType("CallProbe.AgnoHooks", throwOnError: true)!.GetProperty("All")!.GetValue(null)!;

    private static HookDescriptor Find(string method) => All.Single(hook => hook.Name == "CallProbe.CallHooks." + method);

    [Fact]
    public void Descriptors_bind_the_call_the_request_and_the_next_step()
    {
        Find("Policy").Parameters.Select(p => (p.Kind, p.Type)).ShouldBe([(HookParameterKind.ToolCall, typeof(ToolCall))]);
        Find("Policy").Stages.ShouldBe(HookStages.ToolCalls);
        Find("Mask").Stages.ShouldBe(HookStages.ToolCalls);
        Find("TimeAsync").Parameters.Select(p => (p.Kind, p.Type)).ShouldBe([(HookParameterKind.ToolCall, typeof(ToolCall)), (HookParameterKind.Next, typeof(HookNext))]);
        Find("TimeAsync").Stages.ShouldBe(HookStages.ToolCall);
        Find("Trim").Parameters.Select(p => (p.Kind, p.Type)).ShouldBe([(HookParameterKind.ModelRequest, typeof(ModelRequest)), (HookParameterKind.RunInput, typeof(RunInput))]);
        Find("Trim").Stages.ShouldBe(HookStages.ModelCalls);
        Find("RetryAsync").Stages.ShouldBe(HookStages.ModelCall);
        Find("AroundAsync").Stages.ShouldBe(HookStages.ToolCall | HookStages.ModelCall);
    }

    [Fact]
    public async Task A_hook_around_a_call_gets_the_next_step_and_awaits_it()
    {
        var recorder = new Recorder();
        using var services = new ServiceCollection().AddSingleton(recorder).BuildServiceProvider();
        var steps = 0;
        var release = new TaskCompletionSource();
        var context = new HookContext(HookStage.ToolCall, new Agent("probe-agent"), new RunContext("run-1", "session-1", null), new RunInput("hello"), null, services, default)
        {
            Next = async () =>
            {
                steps++;
                recorder.Record($"step {steps}");
                await release.Task;
            },
        };

        var running = Find("AroundAsync").Invoke(context);
        recorder.Calls.Select(c => c.Hook).ShouldBe(["in", "step 1"]);
        running.IsCompleted.ShouldBeFalse("the hook awaits its next step");
        release.SetResult();
        await running;

        recorder.Calls.Select(c => c.Hook).ShouldBe(["in", "step 1", "step 2", "out"]);
    }

    [Fact]
    public void Every_binding_is_named_after_the_runtimes_parameter_kind()
    {
        // The generated code names HookParameterKind.{binding}: a name the runtime lacks would not compile.
        Enum.GetNames<ParameterBinding>().ShouldBeSubsetOf(Enum.GetNames<HookParameterKind>());
    }

    [Fact]
    public void The_generators_placement_rules_are_the_runtimes()
    {
        Enum.GetValues<Model.HookStages>().Select(stage => (stage.ToString(), (int)stage))
            .ShouldBe(Enum.GetValues<HookStages>().Select(stage => (stage.ToString(), (int)stage)));
        All.Count.ShouldBe(12);
        foreach (var hook in All)
        {
            var bindings = hook.Parameters.Select(p => Enum.Parse<ParameterBinding>(p.Kind.ToString()));
            var allowed = HookPlacement.Allowed(bindings, hook.RunInBackground);

            // What the runtime's lists take: each list asked, as a user attaching the hook would.
            var runtime = HookStages.None;
            foreach (var (name, stage) in HookPlacement.Lists)
            {
                var list = (HookList)typeof(Agent).GetProperty(name)!.GetValue(new Agent("probe"))!;
                try
                {
                    list.Add(hook);
                    runtime |= (HookStages)(int)stage;
                }
                catch (HookBindingException)
                {
                }
            }

            ((int)allowed).ShouldBe((int)runtime, hook.Name);
        }
    }

    [Fact]
    public void Each_list_the_generator_knows_is_an_owners_list_of_that_stage()
    {
        var agent = new Agent("lists");
        foreach (var (name, stage) in HookPlacement.Lists)
        {
            var list = (HookList)typeof(Agent).GetProperty(name)!.GetValue(agent)!;
            list.Stage.ToString().ShouldBe(stage.ToString());
        }
    }
}
