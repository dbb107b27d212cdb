using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Generation;

/// <summary>
/// Which node id has which kind, and its rank within the kind (rank 0 = heaviest weight), without storing a table.
/// Kinds own contiguous ranges of a position space [0, N); a seeded Feistel permutation with cycle-walking
/// (Black and Rogaway, "Ciphers with arbitrary finite domains", 2002) maps positions to ids and back in O(1) time and
/// memory. That scatters hubs and kinds over the id range (no "node 0 is the biggest hub" artefact) while keeping
/// memory independent of N.
/// </summary>
internal sealed class NodeLayout
{
    /// <summary>The kind mix in per mille, in the order the position ranges are laid out.</summary>
    public static readonly (NodeKind Kind, int PerMille)[] Mix =
    [
        (NodeKind.Person, 550), (NodeKind.Address, 150), (NodeKind.Company, 80), (NodeKind.Phone, 80),
        (NodeKind.BankAccount, 60), (NodeKind.Document, 40), (NodeKind.Vehicle, 20), (NodeKind.OnlineAd, 20),
    ];

    private const int Rounds = 4;
    private readonly long _count;
    private readonly long[] _starts;
    private readonly long[] _counts;
    private readonly int _half;
    private readonly ulong _mask;
    private readonly ulong[] _keys = new ulong[Rounds];

    public NodeLayout(long nodeCount, long seed)
    {
        _count = nodeCount;
        _counts = CountsFor(nodeCount);
        _starts = new long[_counts.Length];
        for (var k = 1; k < _counts.Length; k++) _starts[k] = _starts[k - 1] + _counts[k - 1];

        // An even number of bits so both Feistel halves are equal; the domain is then below 4N, so cycle-walking
        // takes fewer than four steps on average.
        var bits = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(nodeCount - 1, 1));
        bits = Math.Max(2, bits + (bits & 1));
        _half = bits / 2;
        _mask = (1UL << _half) - 1;
        var random = new SeededRandom(seed, stream: 1);
        for (var i = 0; i < Rounds; i++) _keys[i] = random.NextUInt64();
    }

    public long NodeCount => _count;

    /// <summary>Number of nodes of each kind, indexed like <see cref="Mix"/>, by largest remainder so they sum to N.</summary>
    public static long[] CountsFor(long nodeCount)
    {
        var counts = new long[Mix.Length];
        var remainders = new (long Remainder, int Index)[Mix.Length];
        long assigned = 0;
        for (var k = 0; k < Mix.Length; k++)
        {
            counts[k] = nodeCount * Mix[k].PerMille / 1000;
            remainders[k] = (nodeCount * Mix[k].PerMille % 1000, k);
            assigned += counts[k];
        }
        // Ties go to the kind listed first, so the result does not depend on sort stability.
        Array.Sort(remainders, (a, b) => a.Remainder != b.Remainder ? b.Remainder.CompareTo(a.Remainder) : a.Index.CompareTo(b.Index));
        for (var i = 0; assigned < nodeCount; i++, assigned++) counts[remainders[i].Index]++;
        return counts;
    }

    /// <summary>Nodes of the kind at index <paramref name="kindIndex"/> in <see cref="Mix"/>.</summary>
    public long CountOf(int kindIndex) => _counts[kindIndex];

    public long IdOf(int kindIndex, long rank) => Permute(_starts[kindIndex] + rank);

    public (int KindIndex, long Rank) Locate(long id)
    {
        var position = Unpermute(id);
        var k = _starts.Length - 1;
        while (_starts[k] > position || _counts[k] == 0) k--;
        return (k, position - _starts[k]);
    }

    private long Permute(long position)
    {
        var x = (ulong)position;
        do x = Encrypt(x); while (x >= (ulong)_count);
        return (long)x;
    }

    private long Unpermute(long id)
    {
        var x = (ulong)id;
        do x = Decrypt(x); while (x >= (ulong)_count);
        return (long)x;
    }

    private ulong Encrypt(ulong x)
    {
        ulong left = x >> _half, right = x & _mask;
        for (var i = 0; i < Rounds; i++) (left, right) = (right, left ^ Round(i, right));
        return (left << _half) | right;
    }

    private ulong Decrypt(ulong x)
    {
        ulong left = x >> _half, right = x & _mask;
        for (var i = Rounds - 1; i >= 0; i--) (left, right) = (right ^ Round(i, left), left);
        return (left << _half) | right;
    }

    private ulong Round(int i, ulong half) => SeededRandom.Mix(half ^ _keys[i]) & _mask;
}
