using System.Collections.ObjectModel;

namespace Agno.Hooks;

/// <summary>A list that checks each item as it is added or replaced, so a bad one fails where it is added.</summary>
public abstract class CheckedCollection<T> : Collection<T>
{
    private protected CheckedCollection()
    {
    }

    /// <summary>Throws when <paramref name="item"/> can't be in this list.</summary>
    private protected abstract void Check(T item);

    protected override void InsertItem(int index, T item)
    {
        Check(item);
        base.InsertItem(index, item);
    }

    protected override void SetItem(int index, T item)
    {
        Check(item);
        base.SetItem(index, item);
    }
}
