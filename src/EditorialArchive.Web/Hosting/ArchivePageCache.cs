using System.Globalization;
using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Keeps the page cache in step with the archive: evicts the pages that show what changed, and nothing else.
/// Every request first catches up (<see cref="CatchUpAsync"/>; at most every 50 ms unless this process wrote), and
/// this process's writers call <see cref="EvictAsync"/> right after their transaction commits, so their own change
/// shows on the very next request; another process's shows within <see cref="PollInterval"/>.
/// A page rendered while a change was being evicted may hold what the change replaced: each entry carries the
/// generation it began in, and <see cref="GenerationCheckedOutputCacheStore"/> refuses to keep it once the generation moved.
/// </summary>
public sealed class ArchivePageCache(IOutputCacheStore store, ArchivePageChangeWatch watch, ILogger<ArchivePageCache> logger)
{
    /// <summary>How stale a page may be after another process's write; a few checks a second cost nothing.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private const string GenerationPrefix = "generation:";

    private readonly SemaphoreSlim gate = new(1, 1);
    // So long ago that the first request catches up. (long.MinValue overflowed the subtraction below: a restarted app
    // never looked for other processes' writes until it wrote one itself, and that first look emptied the cache.)
    private long checkedAt = -(long)PollInterval.TotalMilliseconds;
    private long generation;

    /// <summary>Moves each time pages were evicted.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Called by this process's writers after they commit. Not cancellable: the write has committed, so its pages must go.</summary>
    public Task EvictAsync() => CatchUpCoreAsync();

    /// <summary>
    /// Called before each cache lookup: evicts what other processes changed, at most every <see cref="PollInterval"/>.
    /// While another request or a writer is already catching up, a request does not queue behind it: what it might
    /// miss is a change committed moments ago, as it would have been had it arrived moments earlier.
    /// </summary>
    public Task CatchUpAsync() =>
        Environment.TickCount64 - Interlocked.Read(ref checkedAt) < (long)PollInterval.TotalMilliseconds || gate.CurrentCount == 0
            ? Task.CompletedTask
            : CatchUpCoreAsync();

    /// <summary>Reads other processes' changes now, however recently it last looked (before and after storing into a shared store).</summary>
    public Task CatchUpNowAsync() => CatchUpCoreAsync();

    public static string GenerationTag(long generation) => GenerationPrefix + generation.ToString(CultureInfo.InvariantCulture);

    public static bool IsGenerationTag(string tag) => tag.StartsWith(GenerationPrefix, StringComparison.Ordinal);

    public static long? GenerationOf(string[] tags)
    {
        foreach (var tag in tags)
        {
            if (IsGenerationTag(tag) && long.TryParse(tag.AsSpan(GenerationPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private async Task CatchUpCoreAsync()
    {
        await gate.WaitAsync(CancellationToken.None);
        try
        {
            PageChanges changes;
            try
            {
                changes = watch.ReadNew();
            }
            catch (Exception exception) when (exception is SqliteException or InvalidOperationException)
            {
                // Not knowing what changed, keep nothing: pages are rendered afresh until the watch reads again.
                logger.LogWarning(exception, "Could not read the archive's page changes; emptying the page cache");
                changes = PageChanges.All;
            }

            Interlocked.Exchange(ref checkedAt, Environment.TickCount64);
            if (changes.IsEmpty)
            {
                return;
            }

            // First the generation, then the eviction: a page rendered before the change cannot be stored after it.
            Interlocked.Increment(ref generation);
            HashSet<string> tags = changes.Everything
                ? [ArchivePageTags.Everything]
                : changes.Changes.SelectMany(ArchivePageTags.EvictedBy).ToHashSet(StringComparer.Ordinal);
            if (tags.Contains(ArchivePageTags.Everything))
            {
                tags = [ArchivePageTags.Everything];
            }

            logger.LogDebug("Evicting the pages tagged {Tags} (generation {Generation})", tags, Generation);
            foreach (var tag in tags)
            {
                await store.EvictByTagAsync(tag, CancellationToken.None);
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
