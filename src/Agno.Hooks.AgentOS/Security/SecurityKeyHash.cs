using System.Security.Cryptography;
using System.Text;

namespace Agno.Hooks.AgentOS.Security;

/// <summary>
/// The security key, kept as a hash. A presented key is compared through fixed-length hashes in constant time, so
/// neither its content nor its length leaks through timing. A browser's cookie holds another hash of the key, never
/// the key.
/// </summary>
internal sealed class SecurityKeyHash
{
    private readonly byte[] _keyHash;
    private readonly byte[] _cookieValue;

    private SecurityKeyHash(string key)
    {
        _keyHash = Hash(key);
        CookieValue = Convert.ToHexStringLower(Hash("agentos-browser-sign-in:" + key));
        _cookieValue = Encoding.ASCII.GetBytes(CookieValue);
    }

    /// <summary>What the browser sign-in cookie holds.</summary>
    public string CookieValue { get; }

    /// <summary>The key's hash; null when no key is set (AgentOS is open).</summary>
    public static SecurityKeyHash? From(string? key) => string.IsNullOrEmpty(key) ? null : new SecurityKeyHash(key);

    public bool Matches(string token) => token.Length > 0 && CryptographicOperations.FixedTimeEquals(Hash(token), _keyHash);

    public bool MatchesCookie(string cookie) => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), _cookieValue);

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
