using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.Testing;

/// <summary>
/// Checks an assembly's log event ids against its one table (<c>LogEvents</c>, internal, found by name): every
/// <c>[LoggerMessage]</c> of the assembly uses an id of the table, no two use the same one, and the table has no
/// id twice nor one that nothing logs. Each package's tests derive one class from it.
/// </summary>
public abstract class LogEventTableTests(Assembly assembly, string tableName)
{
    [Fact]
    public void Every_log_event_id_is_unique_in_the_assembly_and_comes_from_its_table()
    {
        var table = assembly.GetType(tableName) ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no {tableName}.");
        var entries = table.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(int))
            .ToDictionary(field => field.Name, field => (int)field.GetRawConstantValue()!);
        entries.Values.GroupBy(id => id).Where(ids => ids.Count() > 1).Select(ids => ids.Key).ShouldBeEmpty($"ids that {tableName} lists twice");

        var messages = (
            from type in assembly.GetTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            let message = method.GetCustomAttribute<LoggerMessageAttribute>()
            where message is not null
            select (Method: $"{type.Name}.{method.Name}", Id: message.EventId)).ToList();
        messages.ShouldNotBeEmpty();

        messages.GroupBy(m => m.Id).Where(ids => ids.Count() > 1)
            .Select(ids => $"{ids.Key}: {string.Join(", ", ids.Select(m => m.Method))}")
            .ShouldBeEmpty("log event ids used by more than one message");
        messages.Where(m => !entries.ContainsValue(m.Id)).Select(m => $"{m.Method}: {m.Id}")
            .ShouldBeEmpty($"log event ids that are not in {tableName}");
        entries.Where(entry => !messages.Any(m => m.Id == entry.Value)).Select(entry => entry.Key)
            .ShouldBeEmpty($"ids of {tableName} that no message logs");
    }
}
