namespace Agno.Hooks.Generators.Tests;

/// <summary>The sources the snapshot tests generate from, by case name (the name is part of each snapshot's file name).</summary>
internal static class SnapshotCases
{
    public static IReadOnlyDictionary<string, string[]> All { get; } = new Dictionary<string, string[]>
    {
        ["StaticHooks"] =
        [
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Agno.Hooks;

            namespace Shop.Hooks;

            public static partial class AuditHooks
            {
                [Hook]
                public static void LogInput(RunInput input) { }

                [Hook]
                public static Task CheckOutputAsync(RunOutput output, CancellationToken cancellationToken) => Task.CompletedTask;

                [Hook]
                public static ValueTask TagRunAsync(RunContext run) => default;

                [Hook]
                public static void NoParameters() { }
            }
            """,
        ],
        ["InstanceHooks"] =
        [
            """
            using System.Threading.Tasks;
            using Agno.Hooks;

            namespace Shop.Hooks;

            public sealed class ScoreStore
            {
            }

            public sealed partial class QualityEvaluator(ScoreStore store)
            {
                public ScoreStore Store { get; } = store;

                [Hook(RunInBackground = true)]
                public async Task EvaluateAsync(RunOutput output, Agent agent)
                {
                    await Task.Yield();
                }

                [Hook]
                public void Inspect(RunInput input) { }

                [Hook]
                public ValueTask InspectLaterAsync(RunInput input) => default;
            }
            """,
        ],
        ["EveryParameterKind"] =
        [
            """
            using System;
            using System.Threading;
            using Agno.Hooks;

            namespace Shop.Hooks;

            public sealed class DetailedOutput : RunOutput
            {
            }

            public interface IClock
            {
                DateTimeOffset Now { get; }
            }

            public static partial class BindingHooks
            {
                [Hook]
                public static void Everything(
                    RunInput input,
                    RunOutput output,
                    Agent agent,
                    IHookOwner owner,
                    RunContext run,
                    CancellationToken cancellationToken,
                    IClock clock,
                    IServiceProvider? services,
                    string[] tags) { }

                [Hook]
                public static void Detailed(DetailedOutput output) { }
            }
            """,
        ],
        ["ToolAndModelHooks"] =
        [
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Agno.Hooks;

            namespace Shop.Hooks;

            public static partial class CallHooks
            {
                [Hook(Guardrail = true)]
                public static void Policy(ToolCall call, RunContext run) { }

                // The output exists while the run's tools run: it narrows nothing here.
                [Hook]
                public static void Mask(ToolCall call, RunOutput output) { }

                [Hook]
                public static async ValueTask TimeAsync(ToolCall call, HookNext next)
                {
                    await next();
                }

                [Hook]
                public static void Trim(ModelRequest request, CancellationToken cancellationToken) { }

                [Hook]
                public static Task RetryAsync(ModelRequest request, HookNext next) => next().AsTask();

                [Hook]
                public static ValueTask AroundAnyCall(HookNext next) => next();

                [Hook]
                public static void Sign(RunOutput output) { }

                [Hook(RunInBackground = true)]
                public static void Audit(RunOutput output) { }
            }
            """,
        ],
        ["NullableTypeArguments"] =
        [
            """
            using System;
            using System.Collections.Generic;
            using Agno.Hooks;

            namespace Shop.Hooks;

            public static partial class SettingsHooks
            {
                // Services whose type arguments are nullable: the dispatcher must resolve exactly these types.
                [Hook]
                public static void Configure(RunInput input, IDictionary<string, object?> settings, Action<string?> log, List<string?>? tags, string?[] labels) { }
            }
            """,
        ],
        ["AgentFrameworkHooks"] =
        [
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Agno.Hooks;
            using Microsoft.Agents.AI;

            namespace Shop.Hooks;

            public static partial class AgentFrameworkHooks
            {
                [Hook(Guardrail = true)]
                public static void RejectSecrets(RunInput input, AIAgent agent, AgentSession session) { }

                [Hook]
                public static void Remember(RunOutput output, ChatClientAgentSession session) { }

                [Hook(RunInBackground = true)]
                public static Task LogAsync(RunOutput output, AIAgent agent, RunContext run, CancellationToken cancellationToken) => Task.CompletedTask;

                // A subclass of AIAgent is not the owner: like any other type, it comes from DI.
                [Hook]
                public static void FromServices(RunInput input, ChatClientAgent registered) { }
            }
            """,
        ],
        ["BackgroundExecutionParameter"] =
        [
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Agno.Hooks;

            namespace Shop.Hooks;

            public static partial class NotificationHooks
            {
                [Hook(RunInBackground = true)]
                public static Task NotifyOnceAsync(RunOutput output, BackgroundExecutionInfo execution, CancellationToken cancellationToken) => Task.CompletedTask;

                [Hook]
                public static void MaybeBackground(RunInput input, BackgroundExecutionInfo? execution) { }
            }
            """,
        ],
        ["NestedAndNamespacedTypes"] =
        [
            """
            using Agno.Hooks;

            namespace Shop.Hooks
            {
                public static partial class Outer
                {
                    internal partial class Middle
                    {
                        public partial record Inner
                        {
                            [Hook]
                            public static void Deep(RunInput input) { }
                        }
                    }

                    public partial struct Value
                    {
                        [Hook]
                        public static void InStruct(RunInput input) { }
                    }
                }
            }

            namespace Shop.Other
            {
                internal partial interface IHookHolder
                {
                    [Hook]
                    static void InInterface(RunInput input) { }
                }
            }
            """,
        ],
        ["GlobalNamespace"] =
        [
            """
            using Agno.Hooks;

            public static partial class GlobalHooks
            {
                [Hook]
                public static void Anywhere(RunInput input) { }
            }
            """,
        ],
        ["PrivateMethodsAndTypes"] =
        [
            """
            using Agno.Hooks;

            namespace Shop.Hooks;

            public partial class Host
            {
                [Hook]
                private static void Hidden(RunInput input) { }

                [Hook]
                internal void Internal(RunInput input) { }

                private static partial class Secret
                {
                    [Hook]
                    private static void VerySecret(RunInput input) { }
                }

                // Attaching it from inside is what the property is for.
                public static HookDescriptor SecretHook => Secret.VerySecretHook;
            }
            """,
        ],
        ["NamedGuardrailAndBackgroundHooks"] =
        [
            """
            using System.Threading.Tasks;
            using Agno.Hooks;

            namespace Shop.Hooks;

            public static partial class PolicyHooks
            {
                [Hook(Name = "pii-guard", Guardrail = true)]
                public static void BlockPii(RunInput input) { }

                [Hook(Guardrail = true)]
                public static void BlockBadOutput(RunOutput output) { }

                [Hook(Name = "notify \"ops\"", RunInBackground = true)]
                public static Task NotifyAsync(RunOutput output) => Task.CompletedTask;

                [Hook(Name = null, RunInBackground = false, Guardrail = false)]
                public static void Plain(RunInput input) { }
            }
            """,
        ],
        ["SeveralClasses"] =
        [
            """
            using Agno.Hooks;

            namespace Shop.Input;

            public static partial class InputHooks
            {
                [Hook]
                public static void Trim(RunInput input) { }
            }

            public sealed partial class Moderator
            {
                [Hook(Guardrail = true)]
                public void Moderate(RunInput input) { }
            }
            """,
            """
            using Agno.Hooks;

            namespace Shop.Output;

            public static partial class OutputHooks
            {
                [Hook]
                public static void Sign(RunOutput output) { }
            }

            public abstract partial class EvaluatorBase
            {
                [Hook]
                public void Evaluate(RunOutput output) { }
            }
            """,
        ],
        ["InvalidHooksAreSkipped"] =
        [
            """
            using System;
            using System.Threading.Tasks;
            using Agno.Hooks;

            namespace Shop.Broken;

            public static class NotPartial
            {
                [Hook]
                public static void Skipped(RunInput input) { }
            }

            public static partial class Mixed
            {
                [Hook]
                public static void Valid(RunInput input) { }

                [Hook]
                public static void Generic<T>(RunInput input) { }

                [Hook]
                public static async void AsyncVoid(RunInput input) => await Task.Yield();

                [Hook]
                public static int ReturnsInt(RunInput input) => 0;

                [Hook]
                public static void ByRef(ref RunInput input) { }

                [Hook(Guardrail = true, RunInBackground = true)]
                public static void GuardrailInBackground(RunInput input) { }

                [Hook]
                public static void RefStruct(Span<byte> buffer) { }

                [Hook(Name = " ")]
                public static void BlankName(RunInput input) { }

                [Hook]
                public static void Overloaded(RunInput input) { }

                [Hook]
                public static void Overloaded(RunOutput output) { }

                [Hook(Name = "shared")]
                public static void First(RunInput input) { }

                [Hook(Name = "shared")]
                public static void Second(RunInput input) { }

                [Hook]
                public static void ArgList(RunInput input, __arglist) { }

                [Hook(RunInBackground = true)]
                public static void BackgroundToolHook(ToolCall call) { }

                [Hook]
                public static void ToolAndModel(ToolCall call, ModelRequest request) { }

                [Hook]
                public static void VoidAround(ToolCall call, HookNext next) { }

                public static Action<RunInput> WithLocalFunction()
                {
                    return Local;

                    [Hook]
                    static void Local(RunInput input) { }
                }

                public static Action<RunInput> WithLambda() => [Hook] (RunInput input) => { };
            }

            public partial struct ValueHolder
            {
                [Hook]
                public void Instance(RunInput input) { }
            }

            public static partial class Generic<T>
            {
                [Hook]
                public static void InGeneric(RunInput input) { }
            }
            """,
        ],
    };
}
