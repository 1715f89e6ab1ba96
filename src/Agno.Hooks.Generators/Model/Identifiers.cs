using Microsoft.CodeAnalysis.CSharp;

namespace Agno.Hooks.Generators.Model;

internal static class Identifiers
{
    /// <summary>Prefixes <c>@</c> to a name that is a C# keyword, so <c>@event</c> round-trips into code.</summary>
    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
}
