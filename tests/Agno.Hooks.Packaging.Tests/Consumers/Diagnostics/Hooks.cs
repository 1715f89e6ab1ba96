using Agno.Hooks;

namespace Consumer;

public static partial class RequestHooks
{
    [Hook(RunInBackground = true)]
    public static void LogRequest(RunInput input)
    {
        Console.WriteLine(input.Content);
        input.Content = input.Content.Trim(); // expect AGNH001
    }
}
