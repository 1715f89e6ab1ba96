using Microsoft.CodeAnalysis;

namespace Agno.Hooks.Generators.Parsing;

/// <summary>The named arguments of one <c>[Hook(...)]</c>.</summary>
internal readonly struct HookSettings
{
    public bool RunInBackground { get; private init; }

    public bool Guardrail { get; private init; }

    /// <summary>The explicit name; null when not given.</summary>
    public string? Name { get; private init; }

    public static HookSettings Read(AttributeData attribute)
    {
        var settings = default(HookSettings);
        foreach (var argument in attribute.NamedArguments)
        {
            var value = argument.Value;
            if (value.Kind == TypedConstantKind.Error)
            {
                continue;
            }

            settings = argument.Key switch
            {
                "RunInBackground" when value.Value is bool background => settings with { RunInBackground = background },
                "Guardrail" when value.Value is bool guardrail => settings with { Guardrail = guardrail },
                "Name" => settings with { Name = value.Value as string },
                _ => settings,
            };
        }

        return settings;
    }
}
