using Ketenaanpak.Graph.Application.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Auditing;

/// <summary>How the chain is broken at <see cref="AuditVerification.FirstBrokenSequence"/>.</summary>
public enum AuditBreak
{
    /// <summary>One or more sequence numbers are missing: entries were deleted.</summary>
    SequenceGap,

    /// <summary>The entry's previous hash is not the hash of the entry before it.</summary>
    BrokenLink,

    /// <summary>The entry's content no longer matches its hash.</summary>
    ContentAltered,

    /// <summary>The stored row cannot be read as an entry (a value of the wrong type or an unknown action).</summary>
    Unreadable,

    /// <summary>The chain ends before the head an operator kept outside the store: entries were removed from the end.</summary>
    TailMissing,

    /// <summary>The entry at the externally kept head has another hash: the chain was rewritten from there on.</summary>
    HeadMismatch,

    /// <summary>Entries beyond the head witnessed outside the store: added behind the application's back.</summary>
    Unwitnessed,

    /// <summary>The store holds entries but the head kept outside it is gone.</summary>
    WitnessMissing,
}

/// <summary>The outcome of walking the chain.</summary>
/// <param name="EntriesChecked">Entries found intact before the first break (all of them when <paramref name="Ok"/>).</param>
/// <param name="FirstBrokenSequence">Where the chain first breaks; null when intact.</param>
/// <param name="Reason">Why, in Dutch, for the page and the CLI; null when intact.</param>
/// <param name="Head">The last stored entry when the walk began; null for an empty log.</param>
/// <param name="ExpectedHead">The head compared against: given, or the witnessed one; null when none.</param>
/// <param name="WitnessLocation">Where the witnessed head was read, when it was.</param>
public sealed record AuditVerification(bool Ok, long EntriesChecked, long? FirstBrokenSequence, AuditBreak? Break, string? Reason, AuditHead? Head,
    AuditHead? ExpectedHead = null, string? WitnessLocation = null);

/// <summary>
/// Walks the audit log in sequence order and reports the first entry where the chain breaks: a missing sequence number,
/// a previous hash that does not link, or content that no longer matches its hash. What the chain alone cannot show is
/// entries removed from its end (or the whole chain rewritten with recomputed hashes); for that, compare with a head
/// kept outside the store: given (the expected head of <see cref="VerifyAsync"/>), and by default the one the
/// <see cref="IAuditHeadWitness"/> recorded after every append.
/// </summary>
public sealed class AuditVerifier(IGraphDbContext db, IAuditHeadWitness? witness = null)
{
    private const int BatchSize = 1000;

    /// <param name="expectedHead">A head kept by the reader; when null, the witnessed head (if a witness is configured).</param>
    /// <param name="useWitness">False to walk the chain alone (a log copied elsewhere, without its witness).</param>
    public async Task<AuditVerification> VerifyAsync(AuditHead? expectedHead = null, CancellationToken cancellationToken = default, bool useWitness = true)
    {
        var w = useWitness ? witness : null;
        // The witness is read before the store: an append that lands in between is then ahead of it, never behind.
        var witnessed = w is null ? null : await w.LatestAsync(cancellationToken);
        expectedHead ??= witnessed;
        // The walk stops at the head seen now, so entries appended while it runs neither race it nor count.
        var head = await db.AuditEntries.OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var result = await WalkAsync(head is null ? null : new AuditHead(head.Sequence, head.Hash), expectedHead, cancellationToken);
        result = result with { ExpectedHead = expectedHead, WitnessLocation = w?.Location };
        if (!result.Ok || w is null || head is null) return result;
        if (witnessed is null)
            return result with
            {
                Ok = false, FirstBrokenSequence = 1, Break = AuditBreak.WitnessMissing,
                Reason = $"de buiten de database bewaarde kop ontbreekt ({w.Location}), terwijl het logboek {head.Sequence} regels heeft: verwijderd of nooit bijgehouden",
            };
        // Every entry up to the head seen at the start was committed before that moment, and its head written right
        // after: read again now, the witness must reach it. What lies beyond was not written by the application.
        var later = await w.LatestAsync(cancellationToken) ?? witnessed;
        if (head.Sequence > later.Sequence)
            return result with
            {
                Ok = false, FirstBrokenSequence = later.Sequence + 1, Break = AuditBreak.Unwitnessed,
                Reason = $"regels {later.Sequence + 1} tot en met {head.Sequence} staan niet in de buiten de database bewaarde kop: toegevoegd buiten de applicatie om",
            };
        return result;
    }

    private async Task<AuditVerification> WalkAsync(AuditHead? head, AuditHead? expectedHead, CancellationToken cancellationToken)
    {
        var result = new Walk(head, expectedHead);
        var last = long.MinValue;
        var batchSize = BatchSize;
        while (head is not null && last < head.Sequence)
        {
            List<AuditEntry> batch;
            try
            {
                batch = await db.AuditEntries.Where(e => e.Sequence > last && e.Sequence <= head.Sequence)
                    .OrderBy(e => e.Sequence).Take(batchSize).ToListAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && batchSize > 1)
            {
                // Some row in this batch cannot be materialised; read one at a time to find which.
                batchSize = 1;
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return result.Broken(result.Expected, AuditBreak.Unreadable,
                    $"regel {result.Expected} is niet leesbaar (inhoud gewijzigd buiten de applicatie): {e.GetBaseException().Message}");
            }
            if (batch.Count == 0) break;
            foreach (var entry in batch)
                if (result.Check(entry) is { } broken) return broken;
            last = batch[^1].Sequence;
            batchSize = BatchSize;
        }
        return result.Finish();
    }

    private sealed class Walk(AuditHead? head, AuditHead? expectedHead)
    {
        private string _previousHash = AuditHash.Genesis;
        private long _checked;
        private string? _hashAtExpectedHead;

        public long Expected { get; private set; } = 1;

        public AuditVerification? Check(AuditEntry entry)
        {
            if (entry.Sequence != Expected)
                return entry.Sequence > Expected
                    ? Broken(Expected, AuditBreak.SequenceGap, entry.Sequence == Expected + 1
                        ? $"volgnummer {Expected} ontbreekt (regel verwijderd); de keten gaat verder met {entry.Sequence}"
                        : $"volgnummers {Expected} tot en met {entry.Sequence - 1} ontbreken (regels verwijderd); de keten gaat verder met {entry.Sequence}")
                    : Broken(entry.Sequence, AuditBreak.SequenceGap, $"onverwacht volgnummer {entry.Sequence}; verwacht was {Expected}");
            // The link is checked before the content: a changed previous hash also changes the content hash, and the
            // link is the more precise finding.
            if (!string.Equals(entry.PreviousHash, _previousHash, StringComparison.Ordinal))
                return Broken(entry.Sequence, AuditBreak.BrokenLink, entry.Sequence == 1
                    ? "koppeling verbroken: de eerste regel verwijst niet naar het begin van de keten"
                    : $"koppeling verbroken: de vorige-hash van regel {entry.Sequence} is niet de hash van regel {entry.Sequence - 1}");
            if (!string.Equals(AuditHash.Compute(entry), entry.Hash, StringComparison.Ordinal))
                return Broken(entry.Sequence, AuditBreak.ContentAltered, $"inhoud gewijzigd: regel {entry.Sequence} komt niet overeen met haar hash");
            if (entry.Sequence == expectedHead?.Sequence) _hashAtExpectedHead = entry.Hash;
            _previousHash = entry.Hash;
            _checked++;
            Expected++;
            return null;
        }

        public AuditVerification Finish()
        {
            var lastSequence = Expected - 1;
            if (head is not null && lastSequence < head.Sequence)
                // Rows beyond what the walk could read (possible only if the table changed under it): a missing tail.
                return Broken(Expected, AuditBreak.SequenceGap, $"volgnummer {Expected} ontbreekt (regel verwijderd)");
            if (expectedHead is not null && lastSequence < expectedHead.Sequence)
                return Broken(lastSequence + 1, AuditBreak.TailMissing,
                    $"de keten eindigt bij volgnummer {lastSequence}, maar de buiten het systeem bewaarde kop is {expectedHead.Sequence}: regels aan het eind verwijderd");
            if (expectedHead is not null && !string.Equals(_hashAtExpectedHead, expectedHead.Hash, StringComparison.Ordinal))
                return Broken(expectedHead.Sequence, AuditBreak.HeadMismatch,
                    $"regel {expectedHead.Sequence} heeft een andere hash dan de buiten het systeem bewaarde kop: de keten is vanaf daar herschreven");
            return new AuditVerification(true, _checked, null, null, null, head);
        }

        public AuditVerification Broken(long sequence, AuditBreak kind, string reason) =>
            new(false, _checked, sequence, kind, reason, head);
    }
}
