using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SkinLite;

/// <summary>The concerns of an analysis in the order the service sent them, with look-up by <c>tech_name</c>. Unknown concerns are kept.</summary>
public sealed class SkinConcernList : IReadOnlyList<SkinConcern>
{
    private readonly SkinConcern[] _items;

    internal SkinConcernList(SkinConcern[] items) => _items = items;

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public SkinConcern this[int index] => _items[index];

    /// <summary>The first concern with this <c>tech_name</c> (ASCII case ignored), or <see langword="null"/>.</summary>
    /// <param name="techName">E.g. <see cref="ConcernTechNames.Acne"/>.</param>
    public SkinConcern? Find(string techName)
    {
        ArgumentNullException.ThrowIfNull(techName);
        foreach (SkinConcern concern in _items)
        {
            if (string.Equals(concern.TechName, techName, StringComparison.OrdinalIgnoreCase))
            {
                return concern;
            }
        }

        return null;
    }

    /// <summary>Looks a concern up by <c>tech_name</c> (ASCII case ignored).</summary>
    /// <param name="techName">E.g. <see cref="ConcernTechNames.Wrinkles"/>.</param>
    /// <param name="concern">The concern, when found.</param>
    public bool TryGet(string techName, [NotNullWhen(true)] out SkinConcern? concern)
    {
        concern = Find(techName);
        return concern is not null;
    }

    /// <inheritdoc />
    public IEnumerator<SkinConcern> GetEnumerator() => ((IEnumerable<SkinConcern>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
