namespace Agno.Hooks;

/// <summary>
/// One streamed answer under one incremental output guardrail (<see cref="IStreamingOutputGuardrail"/>): takes the
/// answer's text as it arrives and gives back the checked text that may go out now, holding back at most
/// <see cref="Window"/> characters it can't decide on yet.
/// </summary>
/// <remarks>
/// The texts <see cref="Append"/> and <see cref="Complete"/> return, put together, must equal what the guardrail's hook
/// makes of the whole answer (masked the same way), and a check must reject exactly when that hook would: a streamed
/// and a not-streamed run of the same answer then end the same. A check is used by one run, from one thread at a time.
/// </remarks>
public abstract class OutputStreamCheck
{
    /// <summary>How far back a match can reach: the most characters the check holds back before it lets them out.</summary>
    public abstract int Window { get; }

    /// <summary>Takes the next piece of the answer; returns the checked text that may go out now (often empty).</summary>
    /// <exception cref="CheckException">The answer is rejected: nothing more of it goes out.</exception>
    public abstract string Append(string text);

    /// <summary>The answer is complete: checks what is held, and returns it.</summary>
    /// <exception cref="CheckException">The answer is rejected.</exception>
    public abstract string Complete();
}
