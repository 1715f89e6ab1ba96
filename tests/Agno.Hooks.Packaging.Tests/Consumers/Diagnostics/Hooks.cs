using Agno.Hooks;

namespace Consumer;

public static partial class Outer
{
    private static partial class Hidden
    {
        [Hook]
        public static void Audit(RunInput input) // expect AGNH109
        {
        }
    }
}
