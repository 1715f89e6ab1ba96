using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agno.Hooks;

/// <summary>
/// The offline model's answer when JSON is asked for: a value that satisfies the requested JSON schema
/// (objects with all their properties, one item per array, the first enum value, numbers inside their
/// bounds, strings that name their property and quote the start of the user's message), or
/// <c>{"content": message}</c> without a schema. Deterministic, so structured output can be tested offline.
/// </summary>
internal static class OfflineJsonAnswer
{
    // Deep enough for any real schema; stops a self-referencing one.
    private const int MaxDepth = 16;

    // Long enough to recognise the message, short enough to keep the JSON readable.
    private const int QuoteLength = 60;

    public static string Create(string message, JsonElement? schema)
    {
        var answer = message.Length <= QuoteLength ? message : string.Concat(message.AsSpan(0, QuoteLength), "...");
        JsonNode? value = schema is { } root
            ? Value(root, root, answer, propertyName: null, depth: 0)
            : new JsonObject { ["content"] = answer };
        return value?.ToJsonString() ?? "null";
    }

    private static JsonNode? Value(JsonElement schema, JsonElement root, string answer, string? propertyName, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth)
        {
            return null;
        }

        if (schema.TryGetProperty("$ref", out var reference) && Resolve(root, reference.GetString()) is { } target)
        {
            return Value(target, root, answer, propertyName, depth + 1);
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        foreach (var keyword in (ReadOnlySpan<string>)["anyOf", "oneOf", "allOf"])
        {
            if (schema.TryGetProperty(keyword, out var options) && options.ValueKind == JsonValueKind.Array)
            {
                // The first alternative that is not just null.
                foreach (var option in options.EnumerateArray())
                {
                    if (TypeOf(option) != "null")
                    {
                        return Value(option, root, answer, propertyName, depth + 1);
                    }
                }
            }
        }

        return TypeOf(schema) switch
        {
            "object" => Object(schema, root, answer, depth),
            "array" => Array(schema, root, answer, propertyName, depth),
            "number" => JsonValue.Create(Number(schema, integer: false)),
            "integer" => JsonValue.Create((long)Number(schema, integer: true)),
            "boolean" => JsonValue.Create(true),
            "null" => null,
            _ => JsonValue.Create(Text(answer, propertyName)),
        };
    }

    private static JsonObject Object(JsonElement schema, JsonElement root, string answer, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = Value(property.Value, root, answer, property.Name, depth + 1);
            }
        }

        return result;
    }

    private static JsonArray Array(JsonElement schema, JsonElement root, string answer, string? propertyName, int depth)
    {
        var result = new JsonArray();
        var count = schema.TryGetProperty("minItems", out var minItems) && minItems.TryGetInt32(out var min) ? Math.Max(1, min) : 1;
        if (schema.TryGetProperty("items", out var items))
        {
            for (var i = 0; i < count; i++)
            {
                result.Add(Value(items, root, answer, propertyName, depth + 1));
            }
        }

        return result;
    }

    /// <summary>The middle of the bounds when both are given, else the one given, else zero.</summary>
    private static double Number(JsonElement schema, bool integer)
    {
        var minimum = Bound(schema, "minimum") ?? Bound(schema, "exclusiveMinimum");
        var maximum = Bound(schema, "maximum") ?? Bound(schema, "exclusiveMaximum");
        var value = (minimum, maximum) switch
        {
            ({ } low, { } high) => (low + high) / 2,
            ({ } low, null) => low + 1,
            (null, { } high) => high - 1,
            _ => 0,
        };
        return integer ? Math.Round(value, MidpointRounding.ToZero) : value;
    }

    private static double? Bound(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var bound) && bound.TryGetDouble(out var value) ? value : null;

    private static string Text(string answer, string? propertyName) =>
        propertyName is null ? answer : string.Create(CultureInfo.InvariantCulture, $"{propertyName}: {answer}");

    /// <summary>The schema's type; the first one that is not null when it lists several.</summary>
    private static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString();
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            string? first = null;
            foreach (var name in type.EnumerateArray())
            {
                first ??= name.GetString();
                if (name.GetString() != "null")
                {
                    return name.GetString();
                }
            }

            return first;
        }

        return null;
    }

    /// <summary>A local reference such as <c>#/$defs/Item</c>.</summary>
    private static JsonElement? Resolve(JsonElement root, string? reference)
    {
        if (reference is null || !reference.StartsWith('#'))
        {
            return null;
        }

        var current = root;
        foreach (var segment in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }
}
