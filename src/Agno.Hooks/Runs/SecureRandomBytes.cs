using System.Security.Cryptography;

namespace Agno.Hooks;

/// <summary>
/// Cryptographically secure random bytes (<see cref="RandomNumberGenerator"/>), fetched a block at a time per thread
/// and each handed out once: the random bits of run, session and background-execution ids.
/// </summary>
/// <remarks>
/// <see cref="Guid.NewGuid()"/> and <see cref="Guid.CreateVersion7()"/> ask the operating system for 16 random bytes
/// per id (on Linux a read of <c>/dev/urandom</c>): 0.5–1 µs each on a virtualized 2-core host, more than the rest of a
/// run without hooks costs. One fetch here serves a few hundred ids.
/// </remarks>
internal static class SecureRandomBytes
{
    private const int BlockSize = 4096;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_next;

    /// <summary>Fills <paramref name="destination"/> (at most 4 KB) with random bytes no other caller gets.</summary>
    public static void Fill(Span<byte> destination)
    {
        var block = t_block;
        var next = t_next;
        if (block is null || block.Length - next < destination.Length)
        {
            block = t_block ??= new byte[BlockSize];
            RandomNumberGenerator.Fill(block);
            next = 0;
        }

        block.AsSpan(next, destination.Length).CopyTo(destination);
        t_next = next + destination.Length;
    }
}
