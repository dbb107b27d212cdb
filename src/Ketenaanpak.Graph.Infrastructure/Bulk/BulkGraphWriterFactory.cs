using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Infrastructure.Bulk;

/// <summary>The bulk writer of the configured store.</summary>
internal sealed class BulkGraphWriterFactory(IOptions<StorageOptions> options) : IBulkGraphWriterFactory
{
    public string Provider => options.Value.Provider.ToString();

    public Task<IBulkGraphWriter> BeginAsync(ImportProvenance provenance, CancellationToken cancellationToken) =>
        options.Value.Provider == StorageProvider.PostgreSql
            ? PostgreSqlBulkGraphWriter.BeginAsync(options.Value.EffectiveConnectionString, provenance, cancellationToken)
            : SqliteBulkGraphWriter.BeginAsync(options.Value.EffectiveConnectionString, provenance, cancellationToken);
}
