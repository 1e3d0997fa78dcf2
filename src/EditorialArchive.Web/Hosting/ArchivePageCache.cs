using Microsoft.AspNetCore.OutputCaching;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Drops the public pages cached before a write. Writers call it right after their transaction commits; the change
/// counter in every cache key already keeps pages fresh, so this frees the superseded entries' memory at once.
/// </summary>
public sealed class ArchivePageCache(IOutputCacheStore store)
{
    /// <summary>Not cancellable: the write has committed, so its pages must go whatever happens to the request.</summary>
    public ValueTask EvictAsync() => store.EvictByTagAsync(ArchivePageCachePolicy.Tag, CancellationToken.None);
}
