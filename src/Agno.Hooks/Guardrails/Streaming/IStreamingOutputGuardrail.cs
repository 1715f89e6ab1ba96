namespace Agno.Hooks;

/// <summary>
/// An output guardrail that can check an answer while it streams. Implemented by the class of a
/// <c>[Hook(Guardrail = true)]</c> post-hook that binds the output; the driver then lets a streamed answer out as the check
/// settles it, instead of holding all of it until the post-hooks have run. Another hook of the class (one that checks the
/// input) is not checked this way, wherever it is attached.
/// </summary>
/// <remarks>
/// Without it, a streamed run holds its whole answer until every output guardrail has passed it: the safe default.
/// The class's post-stage guardrail hook still runs on the complete answer after the stream (the not-streamed check),
/// so what the stream let out must be exactly what that hook makes of the whole answer.
/// </remarks>
public interface IStreamingOutputGuardrail
{
    /// <summary>
    /// A check of one streamed answer, made when the run's work starts; null when this configuration can't check
    /// incrementally (the run then holds its whole answer).
    /// </summary>
    /// <param name="context">The run's post-stage context: its owner, ids, input and services.</param>
    OutputStreamCheck? StartStreamCheck(HookContext context);
}
