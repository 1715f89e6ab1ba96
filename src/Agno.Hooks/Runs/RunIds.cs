namespace Agno.Hooks;

/// <summary>New run and session ids: random UUIDs (version 4) in the "D" format, as <c>Guid.NewGuid().ToString()</c> writes them.</summary>
internal static class RunIds
{
    public static string New()
    {
        // Big-endian (RFC 9562) layout: version 4 in the high nibble of byte 6, variant 10 in the top bits of byte 8.
        Span<byte> bytes = stackalloc byte[16];
        SecureRandomBytes.Fill(bytes);
        bytes[6] = (byte)(0x40 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
