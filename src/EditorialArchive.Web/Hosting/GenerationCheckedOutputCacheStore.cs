using Microsoft.AspNetCore.OutputCaching;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Wraps the output cache's store so that a page rendered before a change, and stored after that change's
/// eviction, is not kept: each entry carries the generation its request began in
/// (<see cref="ArchivePageCache.GenerationTag"/>, stripped here), and is dropped when the generation has moved.
/// The generation is this process's; a <paramref name="shared"/> store (Redis) also holds pages other nodes evict
/// after their own writes, which this node learns of only when it next reads the archive's changes. So before and
/// after storing into it, this node reads them at once (<see cref="ArchivePageCache.CatchUpNowAsync"/>): a page
/// rendered before another node's write and stored after that node's eviction is evicted again by this node, since
/// the write committed before the store and is seen by the look after it.
/// </summary>
public sealed class GenerationCheckedOutputCacheStore(IOutputCacheStore inner, Func<ArchivePageCache> pageCache, bool shared = false) : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var cache = pageCache();
        var began = tags is null ? null : ArchivePageCache.GenerationOf(tags);
        if (began is null)
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            return;
        }

        if (shared)
        {
            await cache.CatchUpNowAsync();
        }

        if (began != cache.Generation)
        {
            return;
        }

        var kept = tags!.Where(t => !ArchivePageCache.IsGenerationTag(t)).ToArray();
        await inner.SetAsync(key, value, kept, validFor, cancellationToken);
        if (shared)
        {
            await cache.CatchUpNowAsync();
        }

        if (began != cache.Generation)
        {
            // A change was evicted while this entry was being stored: evict it too (with the pages sharing its tag).
            var own = kept.FirstOrDefault(t => t != ArchivePageTags.Everything) ?? ArchivePageTags.Everything;
            await inner.EvictByTagAsync(own, CancellationToken.None);
        }
    }
}
