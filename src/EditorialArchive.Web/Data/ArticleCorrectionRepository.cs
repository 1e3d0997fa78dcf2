using Dapper;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>Writes the public correction notes added with updates to published pieces (the article page reads them with the piece: ArticleRepository).</summary>
public sealed class ArticleCorrectionRepository
{
    private const string InsertSql = "INSERT INTO article_corrections (article_id, noted_at, note) VALUES (@Id, @NotedAt, @Note)";

    public async Task InsertAsync(SqliteTransaction transaction, long articleId, DateTimeOffset notedAt, string note, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            InsertSql, new { Id = articleId, NotedAt = UtcInstant.Format(notedAt), Note = note }, transaction, cancellationToken: cancellationToken));
}
