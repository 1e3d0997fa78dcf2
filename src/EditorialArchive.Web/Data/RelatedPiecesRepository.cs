using Dapper;
using EditorialArchive.Web.Reading;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>A piece whose related list is due, with what the list is computed from.</summary>
public sealed record PendingRelatedPiece(long Id, string Language, string Headline, string Status);

/// <summary>The related pieces stored for each published piece (migration 011) and the queue of lists to compute.</summary>
public sealed class RelatedPiecesRepository(SqliteConnectionFactory connections)
{
    // One statement: the stored list, then (when the piece is waiting for its list) a row of the piece itself.
    // ix_articles_link (013) holds every column read here: the linked pieces' rows, with their bodies, are not read.
    public const string ListStoredSql = """
        SELECT 'related' AS position, a.id, a.slug, a.language, a.headline, a.posted_at, r.position AS rank
        FROM article_related r
        JOIN articles a INDEXED BY ix_articles_link ON a.id = r.related_id
        WHERE r.article_id = @Id AND a.status = 'published'
        UNION ALL
        SELECT 'pending', a.id, a.slug, a.language, a.headline, a.posted_at, 1000000
        FROM articles a INDEXED BY ix_articles_link
        WHERE a.id = @Id AND EXISTS (SELECT 1 FROM article_related_pending WHERE article_id = @Id)
        ORDER BY rank
        """;

    /// <summary>
    /// The stored list (only pieces still published), and whether the piece is waiting for its list to be computed.
    /// A waiting piece with an older list still shows that list.
    /// </summary>
    public async Task<(IReadOnlyList<LinkedPiece> Pieces, bool IsPending)> ListStoredAsync(long id, CancellationToken cancellationToken)
    {
        var rows = await connections.Reads.QueryAsync<LinkedPiece>(ListStoredSql, [("@Id", id)], cancellationToken);
        var isPending = rows.Count > 0 && rows[^1].Position == "pending";
        return (isPending ? rows[..^1] : rows, isPending);
    }

    private const string ListPendingSql = """
        SELECT p.article_id AS id, a.language, a.headline, a.status
        FROM article_related_pending p
        JOIN articles a ON a.id = p.article_id
        ORDER BY p.article_id DESC
        LIMIT @Limit
        """;

    /// <summary>Pieces whose list is due, newest first (the pages readers are likeliest to open).</summary>
    public async Task<IReadOnlyList<PendingRelatedPiece>> ListPendingAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PendingRelatedPiece>(new CommandDefinition(ListPendingSql, new { Limit = limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string SelectListSql = "SELECT related_id FROM article_related WHERE article_id = @Id ORDER BY position";
    private const string DeleteListSql = "DELETE FROM article_related WHERE article_id = @Id";
    private const string InsertListItemSql = "INSERT INTO article_related (article_id, position, related_id) VALUES (@Id, @Position, @RelatedId)";
    private const string DeleteUnpublishedPendingSql = """
        DELETE FROM article_related_pending
        WHERE article_id = @Id AND EXISTS (SELECT 1 FROM articles WHERE id = @Id AND status <> 'published')
        """;

    private const string DeletePendingSql = """
        DELETE FROM article_related_pending
        WHERE article_id = @Id AND EXISTS (SELECT 1 FROM articles WHERE id = @Id AND headline = @Headline)
        """;

    /// <summary>Takes a piece that is no longer published off the queue (its page is not shown), unless it came back meanwhile.</summary>
    public static Task DeleteUnpublishedPendingAsync(SqliteTransaction transaction, long id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(DeleteUnpublishedPendingSql, new { Id = id }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Stores a list computed from <paramref name="headline"/> (rewriting it only when it changed) and takes the piece
    /// off the queue, unless its headline changed meanwhile (then it stays due).
    /// </summary>
    public static async Task ReplaceAsync(SqliteTransaction transaction, long id, string headline, IReadOnlyList<long> relatedIds, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        // An empty list is stored as one row without a related piece (migration 011).
        IReadOnlyList<long?> list = relatedIds.Count == 0 ? [null] : [.. relatedIds.Select(r => (long?)r)];
        var stored = (await connection.QueryAsync<long?>(new CommandDefinition(SelectListSql, new { Id = id }, transaction, cancellationToken: cancellationToken))).AsList();
        if (!stored.SequenceEqual(list))
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteListSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                InsertListItemSql, list.Select((relatedId, position) => new { Id = id, Position = position, RelatedId = relatedId }),
                transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(DeletePendingSql, new { Id = id, Headline = headline }, transaction, cancellationToken: cancellationToken));
    }
}
