namespace Ketenaanpak.Graph.Analytics.Internal;

/// <summary>
/// Runs a per-source computation over many sources on a few threads, each thread with its own workspace and
/// accumulator (so the inner loops never share memory or lock), then sums the accumulators. Sources are handed out in
/// small chunks from a shared counter so uneven source costs still balance. Checks cancellation per source and reports
/// progress in about 1 % steps.
/// </summary>
internal static class SourceLoop
{
    public static double[] Run<TWork>(int[] sources, int accumulatorLength, int maxThreads, Func<TWork> newWorkspace,
        Action<int, TWork, double[]> perSource, CancellationToken ct, IProgress<double>? progress)
    {
        int threads = maxThreads <= 0 ? Environment.ProcessorCount : maxThreads;
        threads = Math.Max(1, Math.Min(threads, Math.Max(1, sources.Length / 16)));
        var partials = new double[threads][];
        int next = 0, done = 0;
        int chunk = Math.Clamp(sources.Length / (threads * 64), 1, 256);
        int reportEvery = Math.Max(1, sources.Length / 100);
        void Worker(int t)
        {
            var work = newWorkspace();
            var acc = new double[accumulatorLength];
            partials[t] = acc;
            while (true)
            {
                int start = Interlocked.Add(ref next, chunk) - chunk;
                if (start >= sources.Length) break;
                int end = Math.Min(start + chunk, sources.Length);
                for (int i = start; i < end; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    perSource(sources[i], work, acc);
                }
                int d = Interlocked.Add(ref done, end - start);
                if (progress is not null && (d / reportEvery) != ((d - (end - start)) / reportEvery))
                    progress.Report((double)d / sources.Length);
            }
        }
        if (threads == 1) Worker(0);
        else
        {
            var tasks = new Thread[threads - 1];
            Exception? failure = null;
            for (int t = 1; t < threads; t++)
            {
                int id = t;
                tasks[t - 1] = new Thread(() =>
                {
                    try { Worker(id); }
                    catch (Exception e) { Interlocked.CompareExchange(ref failure, e, null); }
                }, 16 << 20) { IsBackground = true };
                tasks[t - 1].Start();
            }
            try { Worker(0); }
            catch (Exception e) { Interlocked.CompareExchange(ref failure, e, null); }
            foreach (var th in tasks) th.Join();
            if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        var total = partials[0];
        for (int t = 1; t < threads; t++)
        {
            var p = partials[t];
            if (p is null) continue;
            for (int i = 0; i < total.Length; i++) total[i] += p[i];
        }
        progress?.Report(1.0);
        return total;
    }
}
