using Microsoft.Extensions.Primitives;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Which pages the output cache stores: only one asked for again while it is still remembered as asked recently. A
/// crawler asks for each of a million pieces once; storing those answers would fill the cache (and the collector's
/// oldest generation) with pages nobody asks for again, and push out the ones readers do. A page readers ask for is
/// stored from its second request on.
/// "Recently" is a table of <see cref="Slots"/> hashes of the pages' cache addresses (256 KB) in sets of <see cref="Ways"/>:
/// each request puts its address first in its set and the least recently asked falls out, so an address stays
/// remembered until <see cref="Ways"/> others were asked in its set since, i.e. for about <see cref="Slots"/> other new
/// addresses, and a popular page is remembered after the cache evicted it, for its next request to store it. (With one
/// slot per set, two popular pages sharing a slot pushed each other out on every request and were never stored: among
/// 500 pages that happens more often than not.) A collision can admit a page asked once; it then costs a cache entry, nothing else.
/// </summary>
public sealed class ArchivePageAdmission
{
    public const int Slots = 1 << 16;

    public const int Ways = 4;

    private const int Sets = Slots / Ways;

    private readonly int[] recent = new int[Slots];

    /// <summary>Notes this request's page as asked; true when it was asked recently before (so its answer may be stored).</summary>
    public bool NoteAsked(HttpRequest request, StringValues queryKeys)
    {
        var hash = Hash(request, queryKeys);
        // 0 marks an empty slot, so no address hashes to it.
        var mark = hash == 0 ? 1 : hash;
        var set = recent.AsSpan((hash & (Sets - 1)) * Ways, Ways);
        var found = set.IndexOf(mark);
        // The address goes first in its set (most recently asked), pushing the ones asked since down; when it was
        // not there the least recently asked falls out. Two requests racing here may lose a mark: that page is then
        // stored one request later.
        for (var i = found < 0 ? Ways - 1 : found; i > 0; i--)
        {
            set[i] = set[i - 1];
        }

        set[0] = mark;
        return found >= 0;
    }

    /// <summary>What the cache key varies by that tells pages apart: host, path, and the query keys the page reads.</summary>
    private static int Hash(HttpRequest request, StringValues queryKeys)
    {
        var hash = new HashCode();
        hash.Add(request.Host.Value, StringComparer.OrdinalIgnoreCase);
        hash.Add(request.PathBase.Value, StringComparer.Ordinal);
        hash.Add(request.Path.Value, StringComparer.Ordinal);
        foreach (var key in queryKeys)
        {
            foreach (var value in request.Query[key!])
            {
                hash.Add(key, StringComparer.OrdinalIgnoreCase);
                hash.Add(value, StringComparer.Ordinal);
            }
        }

        return hash.ToHashCode();
    }
}
