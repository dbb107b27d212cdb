using System.Numerics;

namespace Ketenaanpak.Graph.Application.Generation;

/// <summary>Writes the edges of one <see cref="EdgeBlock"/>: plans each owner's degree, then draws its partners.</summary>
internal sealed class BlockWriter
{
    private readonly EdgeBlock _block;
    private readonly NodeLayout _layout;
    private readonly int _ownerKind;
    private readonly int _partnerKind;
    private readonly long _owners;
    private readonly long _partners;
    private readonly RankWeights _ownerWeights;
    private readonly RankWeights _partnerWeights;
    private readonly string[] _typeNames;
    private SeededRandom _random;

    public BlockWriter(EdgeBlock block, NodeLayout layout, double gamma, SeededRandom random)
    {
        _block = block;
        _layout = layout;
        _ownerKind = EdgeBlocks.KindIndex(block.Source);
        _partnerKind = EdgeBlocks.KindIndex(block.Target);
        _owners = layout.CountOf(_ownerKind);
        _partners = layout.CountOf(_partnerKind);
        _ownerWeights = new RankWeights(_owners, gamma);
        _partnerWeights = new RankWeights(_partners, gamma);
        _typeNames = block.Relations.Select(r => r.Type.ToString()).ToArray();
        _random = random;
    }

    public void Write(long edgeCount, TextWriter edges, CsvLine line, long[] perType, CancellationToken cancellationToken)
    {
        var degrees = PlanDegrees(edgeCount);
        var chosen = new List<long>();
        HashSet<long>? seen = null;
        var seenCapacity = 0;
        for (long owner = 0; owner < _owners; owner++)
        {
            var degree = degrees[owner];
            if (degree == 0) continue;
            if ((owner & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            // HashSet.Clear costs its capacity, so a set grown by a hub is replaced once owners get small again.
            if (seen is null || seenCapacity > 4 * degree + 1024)
            {
                seen = new HashSet<long>(degree);
                seenCapacity = degree;
            }
            seenCapacity = Math.Max(seenCapacity, degree);
            DrawPartners(owner, degree, chosen, seen);
            var ownerId = _layout.IdOf(_ownerKind, owner);
            foreach (var partner in chosen) WriteEdge(ownerId, _layout.IdOf(_partnerKind, partner), edges, line, perType);
        }
    }

    /// <summary>Candidates of <paramref name="owner"/>: all partner-kind ranks, or within one kind the higher ranks.</summary>
    private long FirstCandidate(long owner) => _block.SameKind ? owner + 1 : 0;

    private long Capacity(long owner) => _partners - FirstCandidate(owner);

    /// <summary>
    /// Degrees proportional to the owners' expected share of the block (their weight, times the weight of the higher
    /// ranks within one kind), capped by their candidates, summing to exactly <paramref name="edgeCount"/>. Rounding is
    /// systematic (one uniform offset per round), so the total is exact and no degree exceeds its share by more than
    /// one; whatever the caps or rounding leave over is spread again over the owners with room.
    /// </summary>
    private int[] PlanDegrees(long edgeCount)
    {
        var degrees = new int[_owners];
        var left = edgeCount;
        for (var round = 0; left > 0 && round < 32; round++)
        {
            var total = 0.0;
            ForEachOwnerShare((owner, share) => { if (degrees[owner] < Capacity(owner)) total += share; });
            if (total <= 0) break;
            var offset = _random.NextDouble();
            var cumulative = 0.0;
            long assigned = 0, overflow = 0;
            ForEachOwnerShare((owner, share) =>
            {
                var room = Capacity(owner) - degrees[owner];
                if (room <= 0) return;
                cumulative += share;
                var upTo = Math.Min(left, (long)Math.Floor(cumulative / total * left + offset));
                var want = upTo - assigned;
                assigned = upTo;
                var give = Math.Min(want, room);
                degrees[owner] += (int)give;
                overflow += want - give;
            });
            left = overflow + (left - assigned);
        }
        // Rare (floating-point leftovers, or nearly complete blocks): fill in rank order. The allocation guaranteed room.
        for (long owner = 0; left > 0 && owner < _owners; owner++)
        {
            var give = Math.Min(left, Capacity(owner) - degrees[owner]);
            degrees[owner] += (int)give;
            left -= give;
        }
        return degrees;
    }

    private void ForEachOwnerShare(Action<long, double> visit)
    {
        var below = 0.0;
        for (long owner = 0; owner < _owners; owner++)
        {
            var upTo = _ownerWeights.Cdf(owner + 1);
            var share = upTo - below;
            // Within one kind the owner pairs only with higher ranks: Chung–Lu's w_i Σ_{j>i} w_j.
            if (_block.SameKind) share *= 1 - upTo;
            visit(owner, share);
            below = upTo;
        }
    }

    /// <summary>
    /// Draws <paramref name="degree"/> distinct partners by weight. Two cases avoid the slow end of rejection sampling:
    /// an owner needing more than half its candidates draws the ones it skips instead (uniformly), and an owner whose
    /// weighted draws keep hitting partners it already has (a hub that has used up the heavy ranks) finishes uniformly.
    /// </summary>
    private void DrawPartners(long owner, int degree, List<long> chosen, HashSet<long> seen)
    {
        chosen.Clear();
        seen.Clear();
        var first = FirstCandidate(owner);
        var candidates = _partners - first;
        if (degree > candidates / 2)
        {
            var skip = candidates - degree;
            while (seen.Count < skip) seen.Add(first + _random.NextLong(candidates));
            for (var p = first; p < _partners; p++) if (!seen.Contains(p)) chosen.Add(p);
            return;
        }
        var cdfFirst = _partnerWeights.Cdf(first);
        var weightedDraws = 8L * degree + 64;
        while (chosen.Count < degree)
        {
            var partner = weightedDraws-- > 0
                ? _partnerWeights.Sample(ref _random, first, cdfFirst)
                : first + _random.NextLong(candidates);
            if (seen.Add(partner)) chosen.Add(partner);
        }
    }

    private void WriteEdge(long ownerId, long partnerId, TextWriter edges, CsvLine line, long[] perType)
    {
        var relations = _block.Relations;
        var r = 0;
        if (relations.Length > 1)
        {
            var pick = _random.NextLong(1000);
            while (pick >= relations[r].PerMille) pick -= relations[r++].PerMille;
        }
        var relation = relations[r];
        var (source, target) = relation.RandomDirection && (_random.NextUInt64() & 1) == 1 ? (partnerId, ownerId) : (ownerId, partnerId);
        // Weight = number of contacts: mostly 1, then geometrically rarer (P(w ≥ k+1) = 4^-k), at most 9.
        var weight = 1 + Math.Min(8, BitOperations.TrailingZeroCount(_random.NextUInt64()) / 2);
        line.Number(source).Number(target).Plain(_typeNames[r]).Number(weight).WriteTo(edges);
        perType[(int)relation.Type]++;
    }
}
