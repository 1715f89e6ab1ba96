namespace Agno.Hooks;

/// <summary>One message of a run's conversation.</summary>
public sealed class RunMessage
{
    public RunMessage(string role, string text)
    {
        Role = role;
        Text = text;
    }

    /// <summary><c>system</c>, <c>user</c> or <c>assistant</c>.</summary>
    public string Role { get; set; }

    public string Text { get; set; }

    public RunMessage Clone() => new(Role, Text);
}
