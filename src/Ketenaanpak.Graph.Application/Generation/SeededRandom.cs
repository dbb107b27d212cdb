namespace Ketenaanpak.Graph.Application.Generation;

/// <summary>
/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2021), seeded through
/// SplitMix64. Written out here rather than using <see cref="Random"/> because the generator promises byte-identical
/// files for a seed, and .NET does not promise that <see cref="Random"/>'s algorithm stays the same across versions.
/// </summary>
internal struct SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A stream for <paramref name="seed"/>; distinct <paramref name="stream"/> values give independent streams,
    /// so each part of the graph draws from its own stream and does not depend on how much another part consumed.</summary>
    public SeededRandom(long seed, ulong stream)
    {
        var x = Mix((ulong)seed ^ Mix(stream + 0x632BE59BD9B4E019UL));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="bound"/>) by Lemire's multiply-shift with rejection (no modulo bias).</summary>
    public long NextLong(long bound)
    {
        var range = (ulong)bound;
        var product = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0 - range) % range;
            while (low < threshold) product = Math.BigMul(NextUInt64(), range, out low);
        }
        return (long)product;
    }

    /// <summary>The SplitMix64 finaliser: a cheap, well-mixing 64-bit hash, also used for per-node hashing.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
