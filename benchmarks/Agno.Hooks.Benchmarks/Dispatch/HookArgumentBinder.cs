using System.Reflection;

namespace Agno.Hooks.Benchmarks.Dispatch;

/// <summary>
/// Binds one hook parameter from a <see cref="HookContext"/> the way a runtime-inspecting hook system
/// does (Agno inspects the Python signature): by the parameter's name first, then by its type, then from
/// the services. The reflection-based dispatchers share it, so they differ only in how they call.
/// </summary>
internal static class HookArgumentBinder
{
    public static object? Bind(ParameterInfo parameter, HookContext context)
    {
        object? byName = parameter.Name switch
        {
            "input" or "runInput" => context.Input,
            "output" or "runOutput" => context.Output,
            "agent" or "team" or "workflow" or "owner" => context.Owner,
            "run" or "runContext" => context.Run,
            "cancellationToken" or "token" => context.CancellationToken,
            _ => null,
        };
        if (byName is not null && parameter.ParameterType.IsInstanceOfType(byName))
        {
            return byName;
        }

        var type = parameter.ParameterType;
        if (type == typeof(RunInput))
        {
            return context.Input;
        }

        if (typeof(RunOutput).IsAssignableFrom(type))
        {
            return context.RequiredOutput;
        }

        if (type == typeof(RunContext))
        {
            return context.Run;
        }

        if (type == typeof(CancellationToken))
        {
            return context.CancellationToken;
        }

        if (type.IsInstanceOfType(context.Owner))
        {
            return context.Owner;
        }

        return context.Services.GetService(type)
            ?? throw new InvalidOperationException($"No value for parameter '{parameter.Name}' ({type.Name}).");
    }

    /// <summary>A hook's result as a <see cref="ValueTask"/>: void, <see cref="Task"/> or <see cref="ValueTask"/>.</summary>
    public static ValueTask AsValueTask(object? result) => result switch
    {
        Task task => new ValueTask(task),
        ValueTask valueTask => valueTask,
        _ => default,
    };
}
