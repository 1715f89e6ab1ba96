using System.Buffers.Binary;

namespace Agno.Hooks;

/// <summary>
/// Background executions' ids: Guid version 7 (RFC 9562: the Unix time in milliseconds, then 74 random bits), written
/// in the "N" format, as <see cref="Guid.CreateVersion7()"/> makes them.
/// </summary>
/// <remarks>
/// The random bits come from <see cref="SecureRandomBytes"/>, not from <see cref="Guid.CreateVersion7()"/>, which asks the
/// operating system for them on every id.
/// </remarks>
internal static class ExecutionIds
{
    // 12 bits of rand_a and 62 of rand_b, in whole bytes.
    private const int RandomBytesPerId = 10;

    public static Guid NewVersion7()
    {
        Span<byte> bits = stackalloc byte[RandomBytesPerId];
        SecureRandomBytes.Fill(bits);

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
