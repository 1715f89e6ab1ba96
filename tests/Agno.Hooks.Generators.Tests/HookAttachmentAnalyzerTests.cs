using Agno.Hooks.Generators.Diagnostics;
using Agno.Hooks.Generators.Tests.Support;
using Microsoft.CodeAnalysis.Testing;

namespace Agno.Hooks.Generators.Tests;

/// <summary>
/// AGNH121/AGNH122: a generated hook added to an owner's list that would refuse it, in each way a hook is attached; and
/// nothing where the runtime would take it, or where the analyzer can't know.
/// </summary>
public sealed class HookAttachmentAnalyzerTests
{
    private const string Hooks = """
        public partial class CallHooks
        {
            [Hook] public static void Input(RunInput input) { }
            [Hook] public static void Output(RunOutput output) { }
            [Hook] public static void Tool(ToolCall call) { }
            [Hook] public static ValueTask AroundTool(ToolCall call, HookNext next) => next();
            [Hook] public static void Model(ModelRequest request) { }
            [Hook] public static ValueTask Around(HookNext next) => next();
            [Hook(RunInBackground = true)] public static void Background(RunOutput output) { }
            [Hook] public void Evaluate(RunOutput output) { }
        }

        """;

    [Fact]
    public Task Hooks_in_lists_that_have_their_arguments_get_no_diagnostic() => AnalyzerVerifier.VerifyWithGeneratorAsync<HookAttachmentAnalyzer>(Hooks + """
        public static class Setup
        {
            public static Agent Build() => new("agent")
            {
                PreHooks = { CallHooks.InputHook },
                PostHooks = { CallHooks.InputHook, CallHooks.OutputHook, CallHooks.BackgroundHook },
                PreToolHooks = { CallHooks.InputHook, CallHooks.OutputHook, CallHooks.ToolHook },
                PostToolHooks = { CallHooks.ToolHook },
                ToolHooks = { CallHooks.AroundToolHook, CallHooks.AroundHook, CallHooks.ToolHook },
                PreModelHooks = { CallHooks.ModelHook, CallHooks.OutputHook },
                PostModelHooks = { CallHooks.ModelHook },
                ModelHooks = { CallHooks.AroundHook, CallHooks.ModelHook },
            };
        }
        """);

    [Fact]
    public Task AGNH121_a_hook_in_a_collection_initializer_without_its_arguments() => AnalyzerVerifier.VerifyWithGeneratorAsync<HookAttachmentAnalyzer>(Hooks + """
        public static class Setup
        {
            public static Agent Build() => new("agent")
            {
                PreHooks = { CallHooks.InputHook, {|AGNH121:CallHooks.OutputHook|}, {|AGNH121:CallHooks.ToolHook|} },
                PostHooks = { {|AGNH121:CallHooks.AroundHook|} },
                PreToolHooks = { CallHooks.ToolHook, {|AGNH121:CallHooks.AroundToolHook|}, {|AGNH121:CallHooks.ModelHook|} },
                ModelHooks = { {|AGNH121:CallHooks.AroundToolHook|}, CallHooks.AroundHook },
            };
        }
        """);

    [Fact]
    public Task AGNH121_a_hook_added_or_inserted_without_its_arguments() => AnalyzerVerifier.VerifyWithGeneratorAsync<HookAttachmentAnalyzer>(Hooks + """
        public static class Setup
        {
            public static void Attach(Agent agent, Team team, IHookOwner owner, IToolHookOwner tools)
            {
                agent.PreHooks.Add({|AGNH121:CallHooks.OutputHook|});
                agent.PostToolHooks.Insert(0, {|AGNH121:CallHooks.ModelHook|});
                team.PreModelHooks.Add({|AGNH121:(CallHooks.ToolHook)|});
                owner.PreHooks.Add({|AGNH121:CallHooks.EvaluateHook.Named("strict")|});
                tools.PostToolHooks.Add({|AGNH121:CallHooks.AroundHook|});
                agent.PostHooks.Add(CallHooks.OutputHook);
            }
        }
        """);

    [Fact]
    public Task AGNH121_names_the_parameter_and_the_lists_that_have_it() => AnalyzerVerifier.VerifyWithGeneratorAsync<HookAttachmentAnalyzer>(
        Hooks + """
        public static class Setup
        {
            public static Agent Build() => new("agent") { PostHooks = { {|#0:CallHooks.AroundToolHook|} } };
        }
        """,
        new DiagnosticResult(DiagnosticDescriptors.HookAttachedWhereArgumentMissing)
            .WithLocation(0)
            .WithArguments("CallHooks.AroundTool", "PostHooks", "call", "ToolCall", "a tool call", "PreToolHooks, PostToolHooks and ToolHooks"));

    [Fact]
    public Task AGNH122_a_background_hook_in_a_tool_or_model_list() => AnalyzerVerifier.VerifyWithGeneratorAsync<HookAttachmentAnalyzer>(
        Hooks + """
        public static class Setup
        {
            public static Agent Build()
            {
                var agent = new Agent("agent") { PostToolHooks = { {|#0:CallHooks.BackgroundHook|} }, PostHooks = { CallHooks.BackgroundHook } };
                agent.ModelHooks.Add({|AGNH122:CallHooks.BackgroundHook|});
                return agent;
            }
        }
        """,
        new DiagnosticResult(DiagnosticDescriptors.BackgroundHookAttachedToCall).WithLocation(0).WithArguments("CallHooks.Background", "PostToolHooks"));

    [Fact]
    public Task What_the_analyzer_cant_know_is_left_to_the_runtime() => AnalyzerVerifier.VerifyWithGeneratorAsync<HookAttachmentAnalyzer>(Hooks + """
        public static class Setup
        {
            // Not generated: a hand-built descriptor says what it binds at run time only.
            public static HookDescriptor ManualHook { get; } = new("manual", [new HookParameter("output", HookParameterKind.RunOutput, typeof(RunOutput))], _ => { });

            public static void Attach(Agent agent, List<HookDescriptor> other, HookList mine)
            {
                var output = CallHooks.OutputHook;
                agent.PreHooks.Add(output);
                agent.PreHooks.Add(ManualHook);
                other.Add(CallHooks.OutputHook);
                mine.Add(CallHooks.OutputHook);
            }
        }
        """);
}
