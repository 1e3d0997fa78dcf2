using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Drops the public pages cached before a write. Writers call it right after their transaction commits: the next
/// request reads the archive's change counter afresh (which every cache key carries), and the superseded entries
/// free their memory at once.
/// </summary>
public sealed class ArchivePageCache(IOutputCacheStore store, ArchiveVersionWatch versions)
{
    /// <summary>Not cancellable: the write has committed, so its pages must go whatever happens to the request.</summary>
    public ValueTask EvictAsync()
    {
        versions.MarkStale();
        return store.EvictByTagAsync(ArchivePageCachePolicy.Tag, CancellationToken.None);
    }
}
