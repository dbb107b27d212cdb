namespace Ketenaanpak.Graph.Application.Generation;

/// <summary>
/// A power-law distribution over the ranks 0..n-1 of one kind: rank r has probability G(r+1) - G(r), with the
/// continuous CDF G(x) = ((x + 1)^β - 1) / ((n + 1)^β - 1) and β = 1 - 1/(γ - 1). That makes weight(r) ~ (r + 1)^(-1/(γ-1)),
/// which is the Chung–Lu recipe for expected degrees whose distribution has tail exponent γ (Chung and Lu, "Connected
/// components in random graphs with given expected degree sequences", 2002). Using the continuous CDF rather than a
/// table keeps sampling O(1) in time and memory: one <see cref="Math.Pow"/> per draw.
/// </summary>
internal readonly struct RankWeights
{
    private readonly long _n;
    private readonly double _beta;
    private readonly double _inverseBeta;
    private readonly double _span; // (n + 1)^β - 1

    public RankWeights(long n, double gamma)
    {
        _n = n;
        _beta = 1 - 1 / (gamma - 1);
        _inverseBeta = 1 / _beta;
        _span = Math.Pow(n + 1, _beta) - 1;
    }

    /// <summary>G(x): the probability mass of the ranks below <paramref name="x"/>.</summary>
    public double Cdf(long x) => x <= 0 ? 0 : x >= _n ? 1 : (Math.Pow(x + 1, _beta) - 1) / _span;

    /// <summary>A rank in [<paramref name="from"/>, n), drawn with the weights restricted to that range; the caller
    /// passes <c>Cdf(from)</c> so that it is computed once per source rather than once per draw.</summary>
    public long Sample(ref SeededRandom random, long from, double cdfFrom)
    {
        var u = cdfFrom + random.NextDouble() * (1 - cdfFrom);
        var rank = (long)(Math.Pow(1 + u * _span, _inverseBeta) - 1);
        return Math.Clamp(rank, from, _n - 1);
    }
}
