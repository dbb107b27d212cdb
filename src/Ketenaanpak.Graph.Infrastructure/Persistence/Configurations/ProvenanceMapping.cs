using System.Linq.Expressions;
using Ketenaanpak.Graph.Domain.Provenance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ketenaanpak.Graph.Infrastructure.Persistence.Configurations;

internal static class ProvenanceMapping
{
    /// <summary>Maps the provenance of a fact as columns of the fact's own row (prov_*): no join to read who said it.</summary>
    public static void HasProvenance<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, Provenance?>> property) where T : class =>
        entity.ComplexProperty(property, p =>
        {
            p.Property(x => x.SourcePartner).HasColumnName("prov_partner");
            p.Property(x => x.SourceSignal).HasColumnName("prov_signal");
            p.Property(x => x.SourceReference).HasColumnName("prov_reference").HasMaxLength(Provenance.MaxReferenceLength);
            p.Property(x => x.ObservedAt).HasColumnName("prov_observed_at");
            p.Property(x => x.RecordedAt).HasColumnName("prov_recorded_at");
            p.Property(x => x.LegalBasis).HasColumnName("prov_legal_basis");
            p.Property(x => x.HandlingCode).HasColumnName("prov_handling_code");
            p.Property(x => x.RetainUntil).HasColumnName("prov_retain_until");
            p.ComplexProperty<Grading>(x => x.Grading, g =>
            {
                g.Property(x => x.Source).HasColumnName("prov_source_reliability");
                g.Property(x => x.Validity).HasColumnName("prov_information_validity");
            });
        });
}
