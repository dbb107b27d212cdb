namespace Ketenaanpak.Graph.Application.Tests.Generation;

/// <summary>
/// The slope of the degree CCDF P(D ≥ k) on log-log axes, fitted at k = 2·mean, 4·mean, … while at least ten nodes
/// remain. A power law with exponent γ has slope 1 - γ; Poisson or exponential degrees fall off so fast that few
/// points remain and the slope is steep.
/// </summary>
public sealed record DegreeTail(double Mean, long Max, double Slope, int Points)
{
    /// <summary>Hubs far above the mean, enough octaves of tail, and a slope of a γ between 1.8 and 3.</summary>
    public bool IsHeavy => Max >= 20 * Mean && Points >= 4 && Slope is >= -2.0 and <= -0.8;

    public static DegreeTail Of(long[] degrees)
    {
        var mean = degrees.Average();
        var sorted = degrees.OrderBy(d => d).ToArray();
        var xs = new List<double>();
        var ys = new List<double>();
        for (var k = 2 * mean; ; k *= 2)
        {
            var atLeast = sorted.Length - LowerBound(sorted, (long)Math.Ceiling(k));
            if (atLeast < 10) break;
            xs.Add(Math.Log(k));
            ys.Add(Math.Log((double)atLeast / sorted.Length));
        }
        return new DegreeTail(mean, sorted[^1], xs.Count >= 2 ? LeastSquaresSlope(xs, ys) : double.NaN, xs.Count);
    }

    private static int LowerBound(long[] sorted, long value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0) return ~index;
        while (index > 0 && sorted[index - 1] == value) index--;
        return index;
    }

    private static double LeastSquaresSlope(List<double> xs, List<double> ys)
    {
        double mx = xs.Average(), my = ys.Average();
        return xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my)) / xs.Sum(x => (x - mx) * (x - mx));
    }
}
