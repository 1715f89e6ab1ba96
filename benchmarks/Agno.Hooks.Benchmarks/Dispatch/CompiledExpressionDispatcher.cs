using System.Linq.Expressions;
using System.Reflection;

namespace Agno.Hooks.Benchmarks.Dispatch;

/// <summary>
/// The best a runtime can do without a generator: bind by type once, compile an expression tree into a
/// <see cref="HookInvoker"/>, and cache it. Needs dynamic code, so it is neither trimmable nor NativeAOT-safe.
/// </summary>
public static class CompiledExpressionDispatcher
{
    public static HookInvoker Compile(MethodInfo method)
    {
        var context = Expression.Parameter(typeof(HookContext), "context");
        var arguments = method.GetParameters().Select(p => Argument(p.ParameterType, context));
        Expression call = Expression.Call(method, arguments);
        Expression body = method.ReturnType == typeof(void)
            ? Expression.Block(call, Expression.Default(typeof(ValueTask)))
            : method.ReturnType == typeof(Task)
                ? Expression.New(typeof(ValueTask).GetConstructor([typeof(Task)])!, call)
                : call;
        return Expression.Lambda<HookInvoker>(body, context).Compile();
    }

    private static Expression Argument(Type type, ParameterExpression context)
    {
        if (type == typeof(RunInput))
        {
            return Expression.Property(context, nameof(HookContext.Input));
        }

        if (typeof(RunOutput).IsAssignableFrom(type))
        {
            return Expression.Convert(Expression.Property(context, nameof(HookContext.RequiredOutput)), type);
        }

        if (type == typeof(RunContext))
        {
            return Expression.Property(context, nameof(HookContext.Run));
        }

        if (type == typeof(CancellationToken))
        {
            return Expression.Property(context, nameof(HookContext.CancellationToken));
        }

        if (typeof(IHookOwner).IsAssignableFrom(type))
        {
            return Expression.Convert(Expression.Property(context, nameof(HookContext.Owner)), type);
        }

        var services = Expression.Property(context, nameof(HookContext.Services));
        return Expression.Convert(Expression.Call(services, typeof(IServiceProvider).GetMethod(nameof(IServiceProvider.GetService))!, Expression.Constant(type)), type);
    }
}
