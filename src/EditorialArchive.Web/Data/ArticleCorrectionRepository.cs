using Dapper;
using EditorialArchive.Web.Articles;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>Public correction notes added with updates to published pieces.</summary>
public sealed class ArticleCorrectionRepository(SqliteConnectionFactory connections)
{
    private const string InsertSql = "INSERT INTO article_corrections (article_id, noted_at, note) VALUES (@Id, @NotedAt, @Note)";

    public async Task InsertAsync(SqliteTransaction transaction, long articleId, DateTimeOffset notedAt, string note, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            InsertSql, new { Id = articleId, NotedAt = UtcInstant.Format(notedAt), Note = note }, transaction, cancellationToken: cancellationToken));

    private const string ListForArticleSql = "SELECT noted_at, note FROM article_corrections WHERE article_id = @Id ORDER BY noted_at, id";

    /// <summary>A piece's notes, oldest first.</summary>
    public async Task<IReadOnlyList<ArticleCorrection>> ListForArticleAsync(long articleId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ArticleCorrection>(new CommandDefinition(ListForArticleSql, new { Id = articleId }, cancellationToken: cancellationToken))).AsList();
    }
}
