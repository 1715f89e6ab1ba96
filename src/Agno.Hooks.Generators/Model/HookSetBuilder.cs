using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;

namespace Agno.Hooks.Generators.Model;

/// <summary>Gathers the hooks of a compilation into the set the emitter writes.</summary>
internal static class HookSetBuilder
{
    /// <summary>
    /// Groups <paramref name="parsed"/> by type and orders everything by name. Invalid hooks (null: the parser
    /// skipped them) and hooks that share a name, or a method name within one type, are dropped: the analyzer
    /// reports them (AGNH106, AGNH112). Filtering here rather than in a step of its own keeps a re-run cheap.
    /// </summary>
    public static HookSet Build(ImmutableArray<HookModel?> parsed, CancellationToken cancellationToken)
    {
        var hooks = parsed.Where(static hook => hook is not null).Select(static hook => hook!).ToImmutableArray();
        var duplicateNames = Duplicates(hooks, static h => h.Name);
        var overloaded = Duplicates(hooks, static h => h.ContainingType.FullyQualifiedName + "." + h.MethodName);
        var valid = hooks
            .Where(h => !duplicateNames.Contains(h.Name) && !overloaded.Contains(h.ContainingType.FullyQualifiedName + "." + h.MethodName))
            .OrderBy(static h => h.Name, StringComparer.Ordinal)
            .ToArray();
        cancellationToken.ThrowIfCancellationRequested();

        var types = valid
            .GroupBy(static h => h.ContainingType)
            .OrderBy(static g => g.Key.FullyQualifiedName, StringComparer.Ordinal)
            .Select(static g => new HookTypeGroup(g.Key, new EquatableArray<HookModel>(g.OrderBy(static h => h.MethodName, StringComparer.Ordinal).ToArray())))
            .ToArray();

        return new HookSet(new EquatableArray<HookTypeGroup>(types), new EquatableArray<HookModel>(valid));
    }

    private static HashSet<string> Duplicates(ImmutableArray<HookModel> hooks, Func<HookModel, string> key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hook in hooks)
        {
            if (!seen.Add(key(hook)))
            {
                duplicates.Add(key(hook));
            }
        }

        return duplicates;
    }

    /// <summary>The assembly name as a namespace: each dot-separated part made a valid identifier.</summary>
    public static string NamespaceFor(string assemblyName)
    {
        var parts = assemblyName.Split(new[] { '.' }, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = new StringBuilder(parts[i].Length + 1);
            foreach (var character in parts[i])
            {
                part.Append(char.IsLetterOrDigit(character) || character == '_' ? character : '_');
            }

            if (char.IsDigit(part[0]))
            {
                part.Insert(0, '_');
            }

            parts[i] = Identifiers.Escape(part.ToString());
        }

        return string.Join(".", parts);
    }
}
