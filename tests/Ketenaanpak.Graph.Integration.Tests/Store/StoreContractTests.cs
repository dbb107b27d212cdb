using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Store;

/// <summary>
/// One suite, two stores: every test here runs against SQLite and against PostgreSQL (the derived classes at the
/// bottom). What the store promises: facts and their provenance round-trip, statements live side by side, concurrent
/// edits are refused, and a failed write leaves nothing behind.
/// </summary>
public abstract class StoreContractTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    protected TStore Store { get; } = store;

    private async Task<Partner> SavedPartnerAsync(string code)
    {
        var partner = Facts.Partner(code, PartnerKind.Police);
        await using var db = Store.NewContext();
        db.Partners.Add(partner);
        await db.SaveChangesAsync();
        return partner;
    }

    [Fact]
    public async Task SaveChanges_SavedExplorerView_RoundTripsWithItsState()
    {
        var state = new string('x', 100_000); // a view of a few thousand nodes is a long JSON text
        var view = new Application.Explorer.SavedView(Guid.CreateVersion7(), "Maandag – netwerk", null, "user-1", "analist", state,
            new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        await using (var db = Store.NewContext())
        {
            db.SavedViews.Add(view);
            await db.SaveChangesAsync();
        }
        await using var read = Store.NewContext();
        var back = await read.SavedViews.SingleAsync(v => v.Id == view.Id);
        Assert.Equal(("Maandag – netwerk", (Domain.Common.DossierId?)null, "analist", 100_000), (back.Name, back.DossierId, back.OwnerUserName, back.StateJson.Length));
        Assert.Equal(view.CreatedAt, back.CreatedAt);
    }

    [Fact]
    public async Task SaveChanges_EveryNodeKind_RoundTripsWithStatementsAndProvenance()
    {
        var partner = await SavedPartnerAsync("P-KINDS-" + Guid.NewGuid().ToString("N")[..6]);
        var prov = Facts.From(partner).Graded(new Grading(SourceReliability.C, InformationValidity.Corroborated))
            .Under(LegalBasis.PoliceDataAct, HandlingCode.PoliceAndJustice).RetainUntil(new DateOnly(2031, 1, 31)).Reference("bestand.csv:17").Build();
        var unique = Random.Shared.Next(1000, 9999);
        var nodes = new[]
        {
            Facts.Person(prov, "Agnieszka", "Wójcik", "1991-07"),
            Facts.Address(prov, $"{7500 + unique % 99} KL", "3-II"),
            Facts.Keyed(NodeKind.Company, "kvkNumber", $"6952{unique}", prov),
            Facts.Keyed(NodeKind.Document, "number", $"XR{unique}123", prov),
            Facts.Keyed(NodeKind.BankAccount, "iban", "NL91 ABNA 0417 1643 00", prov),
            Facts.Keyed(NodeKind.Phone, "number", $"06-1234{unique}", prov),
            Facts.Keyed(NodeKind.Vehicle, "licencePlate", "GF-123-B", prov),
            Facts.Keyed(NodeKind.OnlineAd, "url", $"https://ads.example/{unique}", prov),
            Facts.Keyed(NodeKind.Event, "date", "2001-04-02", prov),
        };
        await using (var db = Store.NewContext())
        {
            db.Nodes.AddRange(nodes);
            await db.SaveChangesAsync();
        }

        await using var read = Store.NewContext();
        foreach (var expected in nodes)
        {
            var actual = await read.Nodes.Include(n => n.Statements).SingleAsync(n => n.Id == expected.Id);
            Assert.Equal(expected.Kind, actual.Kind);
            Assert.Equal(expected.Caption, actual.Caption);
            Assert.Equal(expected.ExactKey, actual.ExactKey);
            Assert.Equal(prov, actual.Provenance);
            Assert.Equal(expected.Statements.Select(s => (s.Property, s.Value)).Order(), actual.Statements.Select(s => (s.Property, s.Value)).Order());
            Assert.All(actual.Statements, s => Assert.Equal(prov, s.Provenance));
        }
        Assert.Equal(Enum.GetValues<NodeKind>().Order(), nodes.Select(n => n.Kind).Order());
    }

    [Fact]
    public async Task SaveChanges_EveryRelationType_RoundTripsWithDatesWeightAndProvenance()
    {
        var partner = await SavedPartnerAsync("P-REL-" + Guid.NewGuid().ToString("N")[..6]);
        var prov = Facts.From(partner).Build();
        var a = Facts.Person(prov, "Piotr", "Nowak");
        var b = Facts.Person(prov, "Ewa", "Nowak");
        var relations = Enum.GetValues<RelationType>().Select((type, i) => new Relation(RelationId.New(), type, a.Id, b.Id,
            new DateOnly(2024, 1, 1).AddDays(i), i % 2 == 0 ? new DateOnly(2025, 1, 1) : null, 1 + i, $"toelichting {i}", prov)).ToList();
        await using (var db = Store.NewContext())
        {
            db.Nodes.AddRange(a, b);
            db.Relations.AddRange(relations);
            await db.SaveChangesAsync();
        }

        await using var read = Store.NewContext();
        var stored = await read.Relations.Where(r => r.SourceId == a.Id).ToListAsync();
        Assert.Equal(relations.Count, stored.Count);
        foreach (var expected in relations)
        {
            var actual = stored.Single(r => r.Id == expected.Id);
            Assert.Equal((expected.Type, expected.SourceId, expected.TargetId, expected.ValidFrom, expected.ValidTo, expected.Weight, expected.Detail),
                (actual.Type, actual.SourceId, actual.TargetId, actual.ValidFrom, actual.ValidTo, actual.Weight, actual.Detail));
            Assert.Equal(prov, actual.Provenance);
        }
    }

    [Fact]
    public async Task SaveChanges_TwoPartnersStateOneAttributeDifferently_BothStatementsSurvive()
    {
        var municipality = await SavedPartnerAsync("P-A-" + Guid.NewGuid().ToString("N")[..6]);
        var police = await SavedPartnerAsync("P-B-" + Guid.NewGuid().ToString("N")[..6]);
        var person = Facts.Person(Facts.From(municipality).Build(), "Ivan", "Ivanov", "1985-03-14");
        await using (var db = Store.NewContext())
        {
            db.Nodes.Add(person);
            await db.SaveChangesAsync();
        }
        await using (var db = Store.NewContext())
        {
            var loaded = await db.Nodes.Include(n => n.Statements).SingleAsync(n => n.Id == person.Id);
            loaded.State("birthDate", "1985", Facts.From(police).Under(LegalBasis.PoliceDataAct, HandlingCode.PoliceAndJustice).Build());
            loaded.State("lastName", "Iwanow", Facts.From(police).Build());
            await db.SaveChangesAsync();
        }

        await using var read = Store.NewContext();
        var statements = await read.Statements.Where(s => s.NodeId == person.Id && (s.Property == "birthDate" || s.Property == "lastName")).ToListAsync();
        Assert.Equal(
            new[] { ("birthDate", "1985", police.Id), ("birthDate", "1985-03-14", municipality.Id), ("lastName", "Iwanow", police.Id), ("lastName", "Ivanov", municipality.Id) }.Order(),
            statements.Select(s => (s.Property, s.Value, s.Provenance.SourcePartner)).Order());
    }

    [Fact]
    public async Task SaveChanges_ConcurrentEditOfOneNode_SecondIsRefusedWithClearMessage()
    {
        var partner = await SavedPartnerAsync("P-CC-" + Guid.NewGuid().ToString("N")[..6]);
        var node = Facts.Person(Facts.From(partner).Build(), "Mark", "Jansen");
        await using (var db = Store.NewContext())
        {
            db.Nodes.Add(node);
            await db.SaveChangesAsync();
        }

        await using var first = Store.NewContext();
        await using var second = Store.NewContext();
        var mine = await first.Nodes.SingleAsync(n => n.Id == node.Id);
        var theirs = await second.Nodes.SingleAsync(n => n.Id == node.Id);
        mine.Rename("Mark Jansen (alias Marco)");
        theirs.Rename("M. Jansen");
        await first.SaveChangesAsync();
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync());
        Assert.Contains("Deze entiteit is intussen door iemand anders gewijzigd", conflict.Message);

        await using var read = Store.NewContext();
        Assert.Equal("Mark Jansen (alias Marco)", (await read.Nodes.SingleAsync(n => n.Id == node.Id)).Caption);
    }

    [Fact]
    public async Task SaveChanges_FailureInTheMiddleOfAMultiRowWrite_LeavesNothingBehind()
    {
        var partner = await SavedPartnerAsync("P-TX-" + Guid.NewGuid().ToString("N")[..6]);
        var prov = Facts.From(partner).Build();
        var iban = "NL02ABNA0123456789";
        await using (var db = Store.NewContext())
        {
            db.Nodes.Add(Facts.Keyed(NodeKind.BankAccount, "iban", iban, prov));
            await db.SaveChangesAsync();
        }
        var batch = Enumerable.Range(0, 20).Select(i => Facts.Person(prov, "Batch", $"Persoon {i}")).ToList();
        var duplicate = Facts.Keyed(NodeKind.BankAccount, "iban", iban, prov); // violates the exact-key index
        await using (var db = Store.NewContext())
        {
            db.Nodes.AddRange(batch.Take(10));
            db.Nodes.Add(duplicate);
            db.Nodes.AddRange(batch.Skip(10));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var read = Store.NewContext();
        var ids = batch.Select(b => b.Id).Append(duplicate.Id).ToList();
        Assert.Equal(0, await read.Nodes.CountAsync(n => ids.Contains(n.Id)));
        Assert.Equal(0, await read.Statements.CountAsync(s => ids.Contains(s.NodeId)));
    }
}

public sealed class SqliteStoreContractTests(SqliteTestStore store) : StoreContractTests<SqliteTestStore>(store);

public sealed class PostgreSqlStoreContractTests(PostgreSqlTestStore store) : StoreContractTests<PostgreSqlTestStore>(store);
