using System.Reflection;

namespace Agno.Hooks.Benchmarks.Dispatch;

/// <summary>
/// What a hook system without a generator does on every call: read the method's signature, bind each
/// parameter by name and type, and call through <see cref="MethodInfo.Invoke(object?, object?[])"/>.
/// Only the <see cref="MethodInfo"/> is kept between calls.
/// </summary>
public sealed class ReflectionHookRuntime(MethodInfo method)
{
    public ValueTask Invoke(HookContext context)
    {
        var parameters = method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = HookArgumentBinder.Bind(parameters[i], context);
        }

        return HookArgumentBinder.AsValueTask(method.Invoke(null, arguments));
    }
}
