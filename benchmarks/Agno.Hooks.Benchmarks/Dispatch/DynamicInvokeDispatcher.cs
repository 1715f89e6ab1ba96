using System.Linq.Expressions;
using System.Reflection;

namespace Agno.Hooks.Benchmarks.Dispatch;

/// <summary>
/// A delegate made once from the method, called with <see cref="Delegate.DynamicInvoke"/>: the signature
/// is read once, but the arguments are still bound and boxed per call.
/// </summary>
public sealed class DynamicInvokeDispatcher
{
    private readonly Delegate _hook;
    private readonly ParameterInfo[] _parameters;

    public DynamicInvokeDispatcher(MethodInfo method)
    {
        _parameters = method.GetParameters();
        var signature = _parameters.Select(p => p.ParameterType).Append(method.ReturnType).ToArray();
        _hook = method.CreateDelegate(Expression.GetDelegateType(signature));
    }

    public ValueTask Invoke(HookContext context)
    {
        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            arguments[i] = HookArgumentBinder.Bind(_parameters[i], context);
        }

        return HookArgumentBinder.AsValueTask(_hook.DynamicInvoke(arguments));
    }
}
