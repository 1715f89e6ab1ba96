namespace Agno.Hooks.CodeFixes.Tests;

public sealed class MakeHookTypePartialCodeFixTests
{
    [Fact]
    public Task Adds_partial_after_the_other_modifiers() =>
        CodeFixVerifier<MakeHookTypePartialCodeFix>.VerifyCodeFixAsync(
            """
            public static class {|AGNH101:Hooks|}
            {
                [Hook] public static void M(RunInput input) { }
            }
            """,
            """
            public static partial class Hooks
            {
                [Hook] public static void M(RunInput input) { }
            }
            """);

    [Fact]
    public Task Adds_partial_to_a_type_without_modifiers_keeping_its_comment() =>
        CodeFixVerifier<MakeHookTypePartialCodeFix>.VerifyCodeFixAsync(
            """
            // Hooks for the shop.
            class {|AGNH101:Hooks|}
            {
                [Hook] static void M(RunInput input) { }
            }
            """,
            """
            // Hooks for the shop.
            partial class Hooks
            {
                [Hook] static void M(RunInput input) { }
            }
            """);

    [Fact]
    public Task Adds_partial_to_the_containing_types_too_and_fixes_all() =>
        CodeFixVerifier<MakeHookTypePartialCodeFix>.VerifyCodeFixAsync(
            """
            public class Outer
            {
                public class {|AGNH101:Inner|}
                {
                    [Hook] public static void M(RunInput input) { }
                }
            }

            public sealed class {|AGNH101:Other|}
            {
                [Hook] public void N(RunOutput output) { }
            }
            """,
            """
            public partial class Outer
            {
                public partial class Inner
                {
                    [Hook] public static void M(RunInput input) { }
                }
            }

            public sealed partial class Other
            {
                [Hook] public void N(RunOutput output) { }
            }
            """);
}
