namespace Ketenaanpak.Graph.Analytics.Internal;

/// <summary>
/// Hashes vertex-pair keys (u &lt;&lt; 32 | v) well. long.GetHashCode folds the halves with XOR, so pairs with equal
/// u ^ v collide: on a 500k-edge list that made reading 10× slower. A multiplicative mix spreads them.
/// </summary>
internal sealed class PairKeyComparer : IEqualityComparer<long>
{
    public static readonly PairKeyComparer Instance = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long key)
    {
        ulong h = (ulong)key * 0x9E3779B97F4A7C15UL;
        return (int)(h >> 32);
    }
}
