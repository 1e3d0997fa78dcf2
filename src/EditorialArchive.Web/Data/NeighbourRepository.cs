using EditorialArchive.Web.Reading;

namespace EditorialArchive.Web.Data;

/// <summary>The pieces just before and after a piece in its section and language (seeks in the section index).</summary>
public sealed class NeighbourRepository(SqliteConnectionFactory connections)
{
    // The seeks find ids only (the section index covers them); their slug and headline come from ix_articles_link
    // (013), so the neighbours' wide rows are never read.
    public const string ListSectionNeighboursSql = """
        SELECT n.position, a.id, a.slug, a.language, a.headline, a.posted_at
        FROM (
            SELECT 'previous' AS position, id FROM (
                SELECT a.id FROM articles a
                WHERE a.status = 'published' AND a.language = @Language AND a.section_id = (SELECT id FROM sections WHERE slug = @SectionSlug)
                  AND (a.posted_at, a.id) < (@PostedAt, @Id)
                ORDER BY a.posted_at DESC, a.id DESC
                LIMIT 1)
            UNION ALL
            SELECT 'next' AS position, id FROM (
                SELECT a.id FROM articles a
                WHERE a.status = 'published' AND a.language = @Language AND a.section_id = (SELECT id FROM sections WHERE slug = @SectionSlug)
                  AND (a.posted_at, a.id) > (@PostedAt, @Id)
                ORDER BY a.posted_at ASC, a.id ASC
                LIMIT 1)
        ) n
        JOIN articles a INDEXED BY ix_articles_link ON a.id = n.id
        """;

    /// <summary>Rows with <c>Position</c> "previous" (older) and/or "next" (newer).</summary>
    public async Task<IReadOnlyList<LinkedPiece>> ListSectionNeighboursAsync(
        long id, string language, string sectionSlug, DateTimeOffset postedAt, CancellationToken cancellationToken)
    {
        return await connections.Reads.QueryAsync<LinkedPiece>(
            ListSectionNeighboursSql,
            [("@Id", id), ("@Language", language), ("@SectionSlug", sectionSlug), ("@PostedAt", UtcInstant.Format(postedAt))],
            cancellationToken);
    }
}
