using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;

namespace EditorialArchive.Web.Reading;

/// <summary>
/// Computes the related lists that are due (migration 011's queue) with the search index, the same query the article
/// page used to run on every view, and stores them: pieces sharing the headline's significant words, best first among
/// the newest matches, in the piece's own language.
/// </summary>
public sealed class RelatedPiecesRefresh(SqliteConnectionFactory connections, SearchRepository search, RelatedPiecesRepository related)
{
    /// <summary>How many related pieces a page shows.</summary>
    public const int RelatedCount = 3;

    // One batch at a time: a batch computed from an older state must not be stored after a newer one.
    private readonly SemaphoreSlim oneBatch = new(1, 1);

    /// <summary>Computes and stores up to <paramref name="limit"/> due lists; returns how many were due.</summary>
    public async Task<int> RefreshBatchAsync(int limit, CancellationToken cancellationToken)
    {
        await oneBatch.WaitAsync(cancellationToken);
        try
        {
            return await RefreshBatchCoreAsync(limit, cancellationToken);
        }
        finally
        {
            oneBatch.Release();
        }
    }

    private async Task<int> RefreshBatchCoreAsync(int limit, CancellationToken cancellationToken)
    {
        // An idle round is this one read; pieces no longer published leave the queue in the same write as the lists.
        var due = await related.ListPendingAsync(limit, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var lists = new List<(PendingRelatedPiece Piece, IReadOnlyList<long> RelatedIds)>(due.Count);
        foreach (var piece in due.Where(p => p.Status == ArticleStatus.Published))
        {
            var found = await ComputeAsync(piece.Id, piece.Language, piece.Headline, cancellationToken);
            lists.Add((piece, [.. found.Select(p => p.Id)]));
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        foreach (var piece in due.Where(p => p.Status != ArticleStatus.Published))
        {
            await RelatedPiecesRepository.DeleteUnpublishedPendingAsync(transaction, piece.Id, cancellationToken);
        }

        foreach (var (piece, relatedIds) in lists)
        {
            await RelatedPiecesRepository.ReplaceAsync(transaction, piece.Id, piece.Headline, relatedIds, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    /// <summary>The related pieces of a piece as the search index finds them now.</summary>
    public Task<IReadOnlyList<LinkedPiece>> ComputeAsync(long id, string language, string headline, CancellationToken cancellationToken) =>
        search.ListRelatedAsync(id, language, SearchQuery.Parse(headline).Significant(), RelatedCount, cancellationToken);
}
