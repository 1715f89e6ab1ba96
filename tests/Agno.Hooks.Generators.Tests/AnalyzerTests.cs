using Agno.Hooks.Generators.Tests.Support;

namespace Agno.Hooks.Generators.Tests;

/// <summary>Each declaration diagnostic, at its exact location, and its absence where the code is right.</summary>
public sealed class AnalyzerTests
{
    [Fact]
    public Task Valid_hooks_get_no_diagnostic() => AnalyzerVerifier.VerifyAsync("""
        public sealed partial class Hooks
        {
            [Hook] public static void Sync(RunInput input, RunContext run, CancellationToken token, IServiceProvider services) { }
            [Hook] public Task PostAsync(RunOutput output, Agent agent) => Task.CompletedTask;
            [Hook(Name = "named", Guardrail = true)] private static ValueTask GuardAsync(RunInput input) => default;
            [Hook(RunInBackground = true)] internal static void Background(RunOutput output, IHookOwner owner) { }
        }
        """);

    [Fact]
    public Task AGNH101_a_type_with_hooks_must_be_partial() => AnalyzerVerifier.VerifyAsync("""
        public static class {|AGNH101:Hooks|}
        {
            [Hook] public static void M(RunInput input) { }
        }

        public class Outer
        {
            public partial class {|AGNH101:Inner|}
            {
                [Hook] public static void M(RunInput input) { }
            }
        }
        """);

    [Fact]
    public Task AGNH102_a_hook_is_not_generic() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook] public static void {|AGNH102:M|}<T>(RunInput input) { }
        }

        public static partial class Generic<T>
        {
            [Hook] public static void {|AGNH102:M|}(RunInput input) { }
        }
        """);

    [Fact]
    public Task AGNH103_a_hook_is_not_async_void() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook] public static async void {|AGNH103:M|}(RunInput input) => await Task.Yield();
        }
        """);

    [Fact]
    public Task AGNH104_a_hook_returns_void_Task_or_ValueTask() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook] public static {|AGNH104:bool|} M(RunInput input) => true;
            [Hook] public static {|AGNH104:Task<int>|} N(RunInput input) => Task.FromResult(1);
        }
        """);

    [Fact]
    public Task AGNH105_parameters_are_not_by_reference() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook] public static void M(ref RunInput {|AGNH105:input|}, in RunContext {|AGNH105:run|}) { }
            [Hook] public static void N(out RunInput {|AGNH105:input|}) => input = null!;
        }
        """);

    [Fact]
    public Task AGNH105_covers_ref_readonly_and_scoped_ref() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook] public static void M(ref readonly RunInput {|AGNH105:input|}) { }
            [Hook] public static void N(scoped ref RunInput {|AGNH105:input|}) { }
        }
        """);

    [Fact]
    public Task AGNH106_two_hooks_have_the_same_name() => AnalyzerVerifier.VerifyAsync("""
        public static partial class First
        {
            [Hook(Name = "audit")] public static void {|AGNH106:M|}(RunInput input) { }
        }

        public static partial class Second
        {
            [Hook(Name = "audit")] public static void {|AGNH106:N|}(RunInput input) { }
            [Hook(Name = "other")] public static void O(RunInput input) { }
        }
        """);

    [Fact]
    public Task AGNH107_a_guardrail_is_not_a_background_hook() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [{|AGNH107:Hook(Guardrail = true, RunInBackground = true)|}] public static void M(RunInput input) { }
        }
        """);

    [Fact]
    public Task AGNH108_a_parameter_type_that_can_never_bind() => AnalyzerVerifier.VerifyAsync("""
        public static unsafe partial class Hooks
        {
            [Hook] public static void M(Span<byte> {|AGNH108:buffer|}, int* {|AGNH108:pointer|}, dynamic {|AGNH108:value|}, int? {|AGNH108:count|}) { }
        }
        """);

    [Fact]
    public Task AGNH108_covers_function_pointers_scoped_ref_structs_and_pointer_arrays() => AnalyzerVerifier.VerifyAsync("""
        public static unsafe partial class Hooks
        {
            [Hook] public static void M(delegate*<RunInput, void> {|AGNH108:callback|}, scoped Span<byte> {|AGNH108:buffer|}, int*[] {|AGNH108:pointers|}) { }
            [Hook] public static void N(TypedReference {|AGNH108:reference|}, ArgIterator {|AGNH108:arguments|}) { }
        }
        """);

    [Fact]
    public Task Params_arrays_and_extension_receivers_bind_as_usual() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            // A params array is one parameter of an array type: a service like any other.
            [Hook] public static void Tagged(RunInput input, params string[] tags) { }
            [Hook] public static void Extension(this RunInput input) { }
        }
        """);

    [Fact]
    public Task AGNH109_a_hook_in_a_private_type_is_not_in_the_table() => AnalyzerVerifier.VerifyAsync("""
        public partial class Outer
        {
            private static partial class Secret
            {
                [Hook] public static void {|AGNH109:M|}(RunInput input) { }
            }
        }
        """);

    [Fact]
    public Task AGNH109_can_be_suppressed_with_a_pragma() => AnalyzerVerifier.VerifyAsync("""
        public partial class Outer
        {
            private static partial class Secret
            {
        #pragma warning disable AGNH109
                [Hook] public static void M(RunInput input) { }
        #pragma warning restore AGNH109
            }
        }
        """);

    [Fact]
    public Task AGNH110_an_instance_hook_needs_a_class() => AnalyzerVerifier.VerifyAsync("""
        public partial struct Holder
        {
            [Hook] public void {|AGNH110:M|}(RunInput input) { }
            [Hook] public static void Fine(RunInput input) { }
        }
        """);

    [Fact]
    public Task AGNH111_a_hook_name_is_not_blank() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [{|AGNH111:Hook(Name = "  ")|}] public static void M(RunInput input) { }
        }
        """);

    [Fact]
    public Task AGNH112_hook_methods_are_not_overloaded() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook] public static void {|AGNH112:M|}(RunInput input) { }
            [Hook(Name = "other")] public static void {|AGNH112:M|}(RunOutput output) { }
            public static void M(int notAHook) { }
        }
        """);

    [Fact]
    public Task AGNH113_only_ordinary_methods_are_hooks() => AnalyzerVerifier.VerifyAsync("""
        public partial class Hooks
        {
            public int Count { [Hook] {|AGNH113:get|} => 0; }
        }
        """);

    [Fact]
    public Task AGNH114_no_hooks_in_file_local_types() => AnalyzerVerifier.VerifyAsync("""
        file static partial class Hooks
        {
            [Hook] public static void {|AGNH114:M|}(RunInput input) { }
        }
        """);

    [Fact]
    public Task Agent_Framework_agents_and_sessions_bind_inline() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook(Guardrail = true)] public static void Guard(RunInput input, Microsoft.Agents.AI.AIAgent agent, Microsoft.Agents.AI.AgentSession session) { }
            [Hook] public static void Inline(RunOutput output, Microsoft.Agents.AI.ChatClientAgentSession session) { }
            [Hook(RunInBackground = true)] public static void Background(RunOutput output, Microsoft.Agents.AI.AIAgent agent, RunContext run) { }
        }
        """);

    [Fact]
    public Task AGNH115_a_background_hook_does_not_bind_the_session() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook(RunInBackground = true)] public static void Audit(RunOutput output, Microsoft.Agents.AI.AgentSession {|AGNH115:session|}) { }
            [Hook(RunInBackground = true)] public static void Typed(RunOutput output, Microsoft.Agents.AI.ChatClientAgentSession {|AGNH115:session|}) { }
        }
        """);

    [Fact]
    public Task AGNH115_knows_the_session_by_name_without_the_Agent_Framework() => AnalyzerVerifier.VerifyAsync("""
        namespace Microsoft.Agents.AI.Fake
        {
            public abstract class AgentSession { }
        }

        namespace Microsoft.Agents.AI
        {
            public abstract class AgentSessionLookalike { }
        }

        public static partial class Hooks
        {
            // Only Microsoft.Agents.AI.AgentSession is the session: types that merely look like it are services.
            [Hook(RunInBackground = true)] public static void NotTheSession(RunOutput output, Microsoft.Agents.AI.Fake.AgentSession fake, Microsoft.Agents.AI.AgentSessionLookalike other) { }
        }
        """);

    [Fact]
    public Task AGNH116_a_local_function_is_not_a_hook() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            public static void Outer()
            {
                Local(null!);
                Instance(null!);

                [Hook] static void {|AGNH116:Local|}(RunInput input) { }
                [Hook(Name = "named")] void {|AGNH116:Instance|}(RunInput input) { }
            }
        }

        // Whatever the enclosing type: the rule is about where [Hook] is.
        public class NotPartial
        {
            public Action<RunInput> Make()
            {
                return Local;

                [Hook] static void {|AGNH116:Local|}(RunInput input) { }
            }
        }
        """);

    [Fact]
    public Task AGNH116_a_lambda_is_not_a_hook() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            private static readonly Action<RunInput> Field = [{|AGNH116:Hook|}] (RunInput input) => { };

            public static Func<RunInput, Task> Make()
            {
                var inner = [{|AGNH116:Hook(RunInBackground = true)|}] async (RunInput input) => await Task.Yield();
                return inner;
            }
        }
        """);

    [Fact]
    public Task AGNH116_a_member_of_an_extension_block_is_not_a_hook() => AnalyzerVerifier.VerifyAsync(
        """
        public static partial class InputExtensions
        {
            extension(RunInput input)
            {
                [Hook] public void {|AGNH116:Trim|}() { }
                [Hook] public static void {|AGNH116:Check|}(RunInput other) { }
            }

            // The fix: an ordinary static method of the enclosing class, the receiver its first parameter.
            [Hook] public static void Trim(this RunInput input, CancellationToken cancellationToken) { }
        }
        """,
        // C# 14; the test host's Roslyn still calls it Preview.
        Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview);

    [Fact]
    public Task Local_functions_and_lambdas_without_Hook_get_no_diagnostic() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook]
            public static void Valid(RunInput input)
            {
                Local(input);
                Action<RunInput> lambda = [System.Diagnostics.DebuggerStepThrough] (RunInput i) => { };
                lambda(input);

                [System.Diagnostics.DebuggerStepThrough] static void Local(RunInput i) { }
            }
        }
        """);

    [Fact]
    public Task AGNH117_a_hook_takes_no_arglist() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook] public static void M(RunInput input, {|AGNH117:__arglist|}) { }
            [Hook] public static void N({|AGNH117:__arglist|}) { }
            public static void NotAHook(RunInput input, __arglist) { }
        }
        """);

    [Fact]
    public Task Tool_calls_model_requests_and_the_next_step_bind_inline() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook(Guardrail = true)] public static void Policy(ToolCall call, RunInput input) { }
            [Hook] public static void Mask(ToolCall call, RunOutput output) { }
            [Hook] public static async ValueTask TimeAsync(ToolCall call, HookNext next) => await next();
            [Hook] public static void Trim(ModelRequest request) { }
            [Hook] public static Task RetryAsync(ModelRequest request, HookNext next, CancellationToken token) => next().AsTask();
            [Hook] public static ValueTask AroundAnyCall(HookNext next) => next();

            // Like any other argument, one can be bound twice: both get the same object.
            [Hook] public static void Twice(ToolCall call, ToolCall again) { }
            [Hook] public static ValueTask NextTwice(HookNext next, HookNext again) => next();
        }
        """);

    [Fact]
    public Task AGNH118_a_tool_or_model_hook_does_not_run_in_the_background() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook(RunInBackground = true)] public static void Audit(RunContext run, ToolCall {|AGNH118:call|}) { }
            [Hook(RunInBackground = true)] public static void Trace(ModelRequest {|AGNH118:request|}) { }
            [Hook(RunInBackground = true)] public static Task AroundAsync(HookNext {|AGNH118:next|}, ToolCall call) => next().AsTask();

            // Only the background is wrong: inline they are fine, and a background post-hook sees the run's tool calls.
            [Hook(RunInBackground = false)] public static void Inline(ToolCall call) { }
            [Hook(RunInBackground = true)] public static void AuditAll(RunOutput output) { }
        }
        """);

    [Fact]
    public Task AGNH119_a_hook_does_not_bind_a_tool_call_and_a_model_request() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook] public static void M(ToolCall call, RunInput input, ModelRequest {|AGNH119:request|}) { }
            [Hook] public static void N(ModelRequest request, ToolCall {|AGNH119:call|}, ToolCall again) { }
        }
        """);

    [Fact]
    public Task AGNH120_a_hook_that_takes_the_next_step_returns_a_task() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Hooks
        {
            [Hook] public static {|AGNH120:void|} Around(ToolCall call, HookNext next) => next();
            [Hook] public static {|AGNH120:void|} AroundModel(HookNext next, ModelRequest request) { }

            // Async void is AGNH103, with the same fix.
            [Hook] public static async void {|AGNH103:AsyncVoid|}(HookNext next) => await next();
        }
        """);

    [Fact]
    public Task Types_that_only_share_a_name_with_the_call_types_are_services() => AnalyzerVerifier.VerifyAsync("""
        namespace Other
        {
            public sealed class ToolCall { }
            public delegate ValueTask HookNext();
        }

        public static partial class Hooks
        {
            [Hook(RunInBackground = true)] public static void Background(RunOutput output, Other.ToolCall call) { }
            [Hook] public static void Void(Other.HookNext next) { }
        }
        """);
}
