using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Agno.Hooks.Generators.Model;
using Agno.Hooks.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Agno.Hooks.Generators.Analysis;

/// <summary>One write a hook makes to the run's input or output.</summary>
/// <param name="Operation">The writing operation: an assignment, an increment, a mutating call, a ref/out argument.</param>
/// <param name="Parameter">The hook parameter whose object is written.</param>
/// <param name="Binding"><see cref="ParameterBinding.RunInput"/> or <see cref="ParameterBinding.RunOutput"/>.</param>
/// <param name="Member">The parameter's member the write goes through (<c>Content</c>, <c>Metadata</c>, ...).</param>
internal readonly record struct HookWrite(IOperation Operation, IParameterSymbol Parameter, ParameterBinding Binding, string Member);

/// <summary>
/// Finds where a hook writes to its <c>RunInput</c> or <c>RunOutput</c>, on <see cref="IOperation"/>s: through the
/// parameter, through anything reached from it (members, indexers, elements), and through locals, pattern
/// variables, foreach variables, lambdas and local functions that alias it. Values returned by calls
/// (<c>Clone()</c>, <c>ToList()</c>) are fresh objects, not aliases.
/// </summary>
internal static class HookWriteAnalysis
{
    /// <summary>Methods that change the collection or node they are called on.</summary>
    private static readonly ImmutableHashSet<string> MutatingMethods = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "Clear",
        "Sort", "Reverse", "TryAdd", "Push", "Pop", "Enqueue", "Dequeue", "TryPop", "TryDequeue", "Set",
        "SetItem", "ReplaceWith", "ExceptWith", "IntersectWith", "UnionWith", "SymmetricExceptWith", "TrimExcess", "CopyTo");

    public static void FindWrites(IMethodSymbol method, ImmutableArray<IOperation> blocks, Action<HookWrite> report, CancellationToken cancellationToken)
    {
        Dictionary<ISymbol, (IParameterSymbol Parameter, ParameterBinding Binding, string? Member)>? roots = null;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.None && HookRules.Classify(parameter.Type, out _) is var binding and (ParameterBinding.RunInput or ParameterBinding.RunOutput))
            {
                (roots ??= new(SymbolEqualityComparer.Default))[parameter] = (parameter, binding, null);
            }
        }

        if (roots is null)
        {
            return;
        }

        var operations = new List<IOperation>();
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                operations.Add(operation);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        FollowAliases(operations, roots, cancellationToken);

        foreach (var operation in operations)
        {
            if (Write(operation, roots) is { } write)
            {
                report(new HookWrite(Outermost(operation), write.Parameter, write.Binding, write.Member ?? write.Parameter.Name));
            }
        }
    }

    /// <summary>For a write inside <c>a?.b.Clear()</c>, the whole conditional access: that is the expression the user wrote.</summary>
    private static IOperation Outermost(IOperation operation)
    {
        var result = operation;
        while (result.Parent is IConditionalAccessOperation access && access.WhenNotNull == result)
        {
            result = access;
        }

        return result;
    }

    /// <summary>Adds every local that holds the parameter or something reached from it, until nothing changes.</summary>
    private static void FollowAliases(List<IOperation> operations, Dictionary<ISymbol, (IParameterSymbol, ParameterBinding, string?)> roots, CancellationToken cancellationToken)
    {
        bool changed;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            changed = false;
            foreach (var operation in operations)
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator:
                        changed |= Alias(declarator.Symbol, value, roots);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local, Value: var value }:
                        changed |= Alias(local.Local, value, roots);
                        break;
                    case IDeclarationPatternOperation { DeclaredSymbol: { } declared } pattern:
                        changed |= AliasPattern(declared, pattern, roots);
                        break;
                    case IRecursivePatternOperation { DeclaredSymbol: { } declared } pattern:
                        changed |= AliasPattern(declared, pattern, roots);
                        break;
                    case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation variable, Collection: var collection }:
                        changed |= Alias(variable.Symbol, collection, roots);
                        break;
                }
            }
        }
        while (changed);
    }

    private static bool Alias(ISymbol local, IOperation value, Dictionary<ISymbol, (IParameterSymbol, ParameterBinding, string?)> roots)
    {
        if (roots.ContainsKey(local) || Root(value, roots) is not { } root)
        {
            return false;
        }

        roots[local] = root;
        return true;
    }

    private static bool AliasPattern(ISymbol local, IPatternOperation pattern, Dictionary<ISymbol, (IParameterSymbol, ParameterBinding, string?)> roots)
    {
        if (roots.ContainsKey(local) || PatternRoot(pattern, roots) is not { } root)
        {
            return false;
        }

        roots[local] = root;
        return true;
    }

    /// <summary>The write <paramref name="operation"/> makes to a tracked object, if it makes one.</summary>
    private static (IParameterSymbol Parameter, ParameterBinding Binding, string? Member)? Write(IOperation operation, Dictionary<ISymbol, (IParameterSymbol, ParameterBinding, string?)> roots)
    {
        switch (operation)
        {
            case IDeconstructionAssignmentOperation { Target: ITupleOperation tuple }:
                foreach (var element in tuple.Elements)
                {
                    if (Member(element, roots) is { } written)
                    {
                        return written;
                    }
                }

                return null;
            case IAssignmentOperation assignment:
                return Member(assignment.Target, roots);
            case IIncrementOrDecrementOperation increment:
                return Member(increment.Target, roots);
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument:
                return Member(argument.Value, roots);
            case IInvocationOperation invocation when MutatingMethods.Contains(invocation.TargetMethod.Name):
                var receiver = invocation.Instance
                    ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                return receiver is null ? null : Root(receiver, roots);
            default:
                return null;
        }
    }

    /// <summary>A member, indexer or element reached from a tracked object (writing to it changes that object).</summary>
    private static (IParameterSymbol, ParameterBinding, string?)? Member(IOperation target, Dictionary<ISymbol, (IParameterSymbol, ParameterBinding, string?)> roots) => target switch
    {
        IMemberReferenceOperation { Instance: { } instance } member => Root(instance, roots) is { } root ? WithMember(root, member.Member.Name) : null,
        IArrayElementReferenceOperation element => Root(element.ArrayReference, roots),
        IImplicitIndexerReferenceOperation indexer => Root(indexer.Instance, roots),
        _ => null,
    };

    /// <summary>The tracked object <paramref name="operation"/> is, or is reached from; null for anything else (fresh objects included).</summary>
    private static (IParameterSymbol, ParameterBinding, string?)? Root(IOperation? operation, Dictionary<ISymbol, (IParameterSymbol, ParameterBinding, string?)> roots)
    {
        switch (operation)
        {
            case IParameterReferenceOperation parameter:
                return roots.TryGetValue(parameter.Parameter, out var fromParameter) ? fromParameter : null;
            case ILocalReferenceOperation local:
                return roots.TryGetValue(local.Local, out var fromLocal) ? fromLocal : null;
            case IMemberReferenceOperation { Instance: { } instance } member:
                return Root(instance, roots) is { } root ? WithMember(root, member.Member.Name) : null;
            case IArrayElementReferenceOperation element:
                return Root(element.ArrayReference, roots);
            case IImplicitIndexerReferenceOperation indexer:
                return Root(indexer.Instance, roots);
            case IConversionOperation conversion:
                return Root(conversion.Operand, roots);
            case IConditionalAccessInstanceOperation instance:
                return ConditionalAccessOf(instance) is { } access ? Root(access.Operation, roots) : null;
            case IConditionalAccessOperation conditional:
                return Root(conditional.WhenNotNull, roots);
            default:
                return null;
        }
    }

    /// <summary>Keeps the first member reached from the parameter: it names the write in messages.</summary>
    private static (IParameterSymbol, ParameterBinding, string?) WithMember((IParameterSymbol Parameter, ParameterBinding Binding, string? Member) root, string member) =>
        root.Member is null ? (root.Parameter, root.Binding, member) : root;

    private static IConditionalAccessOperation? ConditionalAccessOf(IConditionalAccessInstanceOperation instance)
    {
        for (var current = instance.Parent; current is not null; current = current.Parent)
        {
            if (current is IConditionalAccessOperation access && !IsWithin(instance, access.Operation))
            {
                return access;
            }
        }

        return null;
    }

    private static bool IsWithin(IOperation operation, IOperation ancestor)
    {
        for (var current = operation; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tracked object a pattern is matched against: the value of <c>is</c> or <c>switch</c>, or a member of it in a property pattern.</summary>
    private static (IParameterSymbol, ParameterBinding, string?)? PatternRoot(IPatternOperation pattern, Dictionary<ISymbol, (IParameterSymbol, ParameterBinding, string?)> roots)
    {
        for (var current = pattern.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IIsPatternOperation isPattern:
                    return Root(isPattern.Value, roots);
                case ISwitchExpressionOperation switchExpression:
                    return Root(switchExpression.Value, roots);
                case ISwitchOperation switchStatement:
                    return Root(switchStatement.Value, roots);
                case IPropertySubpatternOperation { Member: IMemberReferenceOperation member, Parent: IRecursivePatternOperation outer }:
                    // { Metadata: var m } binds a member of what the outer pattern matches.
                    return PatternRoot(outer, roots) is { } root ? WithMember(root, member.Member.Name) : null;
            }
        }

        return null;
    }
}
