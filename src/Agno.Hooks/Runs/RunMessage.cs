namespace Agno.Hooks;

/// <summary>One message of a run's conversation.</summary>
public sealed class RunMessage
{
    private string _role;
    private string _text;

    public RunMessage(string role, string text)
    {
        _role = role;
        _text = text;
    }

    /// <summary><c>system</c>, <c>user</c> or <c>assistant</c>.</summary>
    public string Role
    {
        get => _role;
        set
        {
            _role = value;
            Written = true;
        }
    }

    public string Text
    {
        get => _text;
        set
        {
            _text = value;
            Written = true;
        }
    }

    /// <summary>Set by either setter: how a background hook's write to its copy is noticed.</summary>
    internal bool Written { get; private set; }

    public RunMessage Clone() => new(Role, Text);
}
