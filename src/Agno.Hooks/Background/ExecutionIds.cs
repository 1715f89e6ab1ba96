using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Agno.Hooks;

/// <summary>
/// Background executions' ids: Guid version 7 (RFC 9562: the Unix time in milliseconds, then 74 random bits), written
/// in the "N" format, as <see cref="Guid.CreateVersion7()"/> makes them.
/// </summary>
/// <remarks>
/// <see cref="Guid.CreateVersion7()"/> asks the operating system for 16 random bytes per id: 0.5–1 µs on a
/// virtualized 2-core host, more than the executor spends running a no-op hook. These ids take their random bits from
/// the same cryptographically secure generator, fetched for 256 ids at a time per thread.
/// </remarks>
internal static class ExecutionIds
{
    // 12 bits of rand_a and 62 of rand_b, in whole bytes.
    private const int RandomBytesPerId = 10;
    private const int IdsPerFetch = 256;

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_next;

    public static Guid NewVersion7()
    {
        var random = t_random;
        var next = t_next;
        if (random is null || next == random.Length)
        {
            random = t_random ??= new byte[RandomBytesPerId * IdsPerFetch];
            RandomNumberGenerator.Fill(random);
            next = 0;
        }

        t_next = next + RandomBytesPerId;
        ReadOnlySpan<byte> bits = random.AsSpan(next, RandomBytesPerId);

        // Big-endian (RFC) layout: unix_ts_ms (48 bits), version 7 and rand_a (16), variant 10 and rand_b (64).
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() << 16);
        bytes[6] = (byte)(0x70 | (bits[0] & 0x0F));
        bytes[7] = bits[1];
        bytes[8] = (byte)(0x80 | (bits[2] & 0x3F));
        bits[3..].CopyTo(bytes[9..]);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// The Guid that <paramref name="id"/> is the "N" text of (32 lowercase hex digits), as the ids made here are;
    /// <see cref="Guid.Empty"/> for any other text (an id a caller chose).
    /// </summary>
    public static Guid Parse(string? id)
    {
        if (id is not { Length: 32 } || !Guid.TryParseExact(id, "N", out var guid))
        {
            return Guid.Empty;
        }

        // Only the text the Guid formats back to (lowercase): the id must read back exactly as it was given.
        Span<char> text = stackalloc char[32];
        return guid.TryFormat(text, out _, "N") && text.SequenceEqual(id) ? guid : Guid.Empty;
    }
}
