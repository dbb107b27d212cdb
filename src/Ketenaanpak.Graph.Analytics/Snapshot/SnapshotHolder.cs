namespace Ketenaanpak.Graph.Analytics.Snapshot;

/// <summary>
/// Holds the one current <see cref="GraphSnapshot"/> shared by all requests and replaces it atomically when the store
/// changes. Readers take <see cref="Current"/> once per request and keep using that instance, so a request never
/// sees half of an update. A publish with a version older than the current one is ignored, so two racing rebuilds
/// cannot roll the state back.
/// </summary>
public sealed class SnapshotHolder
{
    private GraphSnapshot _current;

    /// <summary>Starts with an initial snapshot (e.g. an empty one at version 0).</summary>
    public SnapshotHolder(GraphSnapshot initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>The current snapshot; lock-free.</summary>
    public GraphSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised after a newer snapshot was published (on the publishing thread).</summary>
    public event Action<GraphSnapshot>? Published;

    /// <summary>
    /// Publishes <paramref name="next"/> if its version is newer than the current one. Returns true when it became
    /// current. Compare-and-swap loop: safe with concurrent publishers.
    /// </summary>
    public bool TryPublish(GraphSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        while (true)
        {
            var seen = Volatile.Read(ref _current);
            if (next.Version <= seen.Version) return false;
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, next, seen), seen))
            {
                Published?.Invoke(next);
                return true;
            }
        }
    }
}
