namespace Agno.Hooks.CodeFixes.Tests;

public sealed class ReturnTaskFromAsyncHookCodeFixTests
{
    [Fact]
    public Task Turns_async_void_into_async_Task_in_every_hook() =>
        CodeFixVerifier<ReturnTaskFromAsyncHookCodeFix>.VerifyCodeFixAsync(
            """
            public static partial class Hooks
            {
                [Hook]
                public static async void {|AGNH103:Notify|}(RunOutput output) => await Task.Yield();

                [Hook(RunInBackground = true)]
                public static async /* keep me */ void {|AGNH103:Evaluate|}(RunOutput output)
                {
                    await Task.Delay(1);
                }
            }
            """,
            """
            public static partial class Hooks
            {
                [Hook]
                public static async Task Notify(RunOutput output) => await Task.Yield();

                [Hook(RunInBackground = true)]
                public static async /* keep me */ Task Evaluate(RunOutput output)
                {
                    await Task.Delay(1);
                }
            }
            """);

    [Fact]
    public Task Works_inside_a_namespace_block_with_an_alias() =>
        CodeFixVerifier<ReturnTaskFromAsyncHookCodeFix>.VerifyCodeFixAsync(
            """
            namespace Shop
            {
                using RunOutputAlias = Agno.Hooks.RunOutput;

                public static partial class Hooks
                {
                    [Hook] public static async void {|AGNH103:Notify|}(RunOutputAlias output) => await System.Threading.Tasks.Task.Yield();
                }
            }
            """,
            """
            namespace Shop
            {
                using RunOutputAlias = Agno.Hooks.RunOutput;

                public static partial class Hooks
                {
                    [Hook] public static async Task Notify(RunOutputAlias output) => await System.Threading.Tasks.Task.Yield();
                }
            }
            """);
}
