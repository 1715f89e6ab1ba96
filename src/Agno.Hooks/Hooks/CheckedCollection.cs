using System.Collections.ObjectModel;

namespace Agno.Hooks;

/// <summary>A list that checks each item as it is added or replaced, so a bad one fails where it is added.</summary>
public abstract class CheckedCollection<T> : Collection<T>
{
    private protected CheckedCollection()
    {
    }

    private T[]? _snapshot;

    /// <summary>Throws when <paramref name="item"/> can't be in this list.</summary>
    private protected abstract void Check(T item);

    /// <summary>The items as an array, kept until the list changes: what a run iterates, without an enumerator or interface calls.</summary>
    internal T[] Snapshot() => _snapshot ??= [.. Items];

    protected override void InsertItem(int index, T item)
    {
        Check(item);
        base.InsertItem(index, item);
        _snapshot = null;
    }

    protected override void SetItem(int index, T item)
    {
        Check(item);
        base.SetItem(index, item);
        _snapshot = null;
    }

    protected override void RemoveItem(int index)
    {
        base.RemoveItem(index);
        _snapshot = null;
    }

    protected override void ClearItems()
    {
        base.ClearItems();
        _snapshot = null;
    }
}
