using Microsoft.Extensions.Primitives;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Which pages the output cache stores: only one asked for again while it is still remembered as asked recently. A
/// crawler asks for each of a million pieces once; storing those answers would fill the cache (and the collector's
/// oldest generation) with pages nobody asks for again, and push out the ones readers do. A page readers ask for is
/// stored from its second request on.
/// "Recently" is a table of <see cref="Slots"/> hashes of the pages' cache addresses (256 KB): each request writes its
/// address's slot, so an address stays remembered until another lands in its slot, i.e. for about
/// <see cref="Slots"/> other requests. A collision can admit a page asked once; it then costs a cache entry, nothing else.
/// </summary>
public sealed class ArchivePageAdmission
{
    public const int Slots = 1 << 16;

    private readonly int[] recent = new int[Slots];

    /// <summary>Notes this request's page as asked; true when it was asked recently before (so its answer may be stored).</summary>
    public bool NoteAsked(HttpRequest request, StringValues queryKeys)
    {
        var hash = Hash(request, queryKeys);
        ref var slot = ref recent[hash & (Slots - 1)];
        // 0 marks an empty slot, so no address hashes to it.
        var mark = hash == 0 ? 1 : hash;
        return Interlocked.Exchange(ref slot, mark) == mark;
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
